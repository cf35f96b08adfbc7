import { request } from '@aerostack/core';
import type { APIPromise, Client, RequestOptions } from '@aerostack/core';
import { checkKey, trimKey } from './keys';
import type { Body, Result } from './spec';

export type GetMetadataParams = Body<'storageGetMetadata'>;
/** `{ exists, size, contentType, lastModified, etag }`. */
export type GetMetadataResult = Result<'storageGetMetadata'>;

/** A file's size, type, modification time and etag, without its contents. */
export function getMetadata(client: Client, params: GetMetadataParams = {} as GetMetadataParams, options?: RequestOptions): APIPromise<GetMetadataResult> {
  return request<GetMetadataResult>(
    client,
    { method: 'POST', path: '/storage/getMetadata', body: { ...params, key: trimKey(params.key) }, idempotent: true, check: () => checkKey(params.key) },
    options,
  );
}
