import { request } from '@aerostack/core';
import type { APIPromise, Client, RequestOptions } from '@aerostack/core';
import { checkKey, trimKey } from './keys';
import type { Body, Result } from './spec';

export type CopyParams = Body<'storageCopy'>;
/** `{ success, url }`: `url` is the copy's CDN URL. */
export type CopyResult = Result<'storageCopy'>;

/** Copies a file to another key. */
export function copy(client: Client, params: CopyParams = {} as CopyParams, options?: RequestOptions): APIPromise<CopyResult> {
  const { sourceKey, destKey } = params;
  return request<CopyResult>(
    client,
    {
      method: 'POST',
      path: '/storage/copy',
      body: { ...params, sourceKey: trimKey(sourceKey), destKey: trimKey(destKey) },
      check: () => {
        checkKey(sourceKey, 'sourceKey');
        checkKey(destKey, 'destKey');
      },
    },
    options,
  );
}
