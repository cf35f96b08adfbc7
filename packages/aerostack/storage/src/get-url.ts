import { request } from '@aerostack/core';
import type { APIPromise, Client, RequestOptions } from '@aerostack/core';
import { checkKey, trimKey } from './keys';
import type { Body, Result } from './spec';

export type GetUrlParams = Body<'storageGetUrl'>;
/** `{ url }`: the file's public CDN URL. */
export type GetUrlResult = Result<'storageGetUrl'>;

/** The public CDN URL of a file. */
export function getUrl(client: Client, params: GetUrlParams = {} as GetUrlParams, options?: RequestOptions): APIPromise<GetUrlResult> {
  return request<GetUrlResult>(
    client,
    { method: 'POST', path: '/storage/getUrl', body: { ...params, key: trimKey(params.key) }, idempotent: true, check: () => checkKey(params.key) },
    options,
  );
}
