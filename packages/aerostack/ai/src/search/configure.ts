import { request } from '@aerostack/core';
import type { APIPromise, Client, RequestOptions } from '@aerostack/core';
import { fail } from '../invalid';
import type { Body, Result } from '../spec';

export type EmbeddingModel = Body<'searchConfigure'>['embeddingModel'];
/**
 * `embeddingModel`: `'english'` (bge-base-en) or `'multilingual'` (bge-m3). `model` is accepted
 * as another name for it, as the server SDK spells it.
 */
export type SearchConfigureParams = Body<'searchConfigure'> | { model: EmbeddingModel };
export type SearchConfigureResult = Result<'searchConfigure'>;

/** Chooses the embedding model of the project's index. */
export function searchConfigure(client: Client, params: SearchConfigureParams = {} as SearchConfigureParams, options?: RequestOptions): APIPromise<SearchConfigureResult> {
  const embeddingModel: unknown = 'embeddingModel' in params ? params.embeddingModel : params.model;
  const check = () => {
    if (embeddingModel !== 'english' && embeddingModel !== 'multilingual') fail(`embeddingModel: "english" or "multilingual", got ${JSON.stringify(embeddingModel)}`, 'embeddingModel');
  };
  return request<SearchConfigureResult>(client, { method: 'POST', path: '/ai/search/configure', body: { embeddingModel }, check }, options);
}
