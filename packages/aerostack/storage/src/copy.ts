import type { APIPromise, Client, RequestOptions } from '@aerostack/core';
import { checkKey } from './keys';
import type { Body, Result } from './spec';

export type CopyParams = Body<'storageCopy'>;
/** `{ success, url }`: `url` is the copy's CDN URL. */
export type CopyResult = Result<'storageCopy'>;

/** Copies a file to another key. */
export function copy(client: Client, params: CopyParams, options?: RequestOptions): APIPromise<CopyResult> {
  return client.post<CopyResult>(
    '/storage/copy',
    { ...params, sourceKey: checkKey(params.sourceKey, 'sourceKey'), destKey: checkKey(params.destKey, 'destKey') },
    options,
  );
}
