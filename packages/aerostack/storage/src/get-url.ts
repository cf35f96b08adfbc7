import type { APIPromise, Client, RequestOptions } from '@aerostack/core';
import { checkKey } from './keys';
import type { Body, Result } from './spec';

export type GetUrlParams = Body<'storageGetUrl'>;
/** `{ url }`: the file's public CDN URL. */
export type GetUrlResult = Result<'storageGetUrl'>;

/** The public CDN URL of a file. */
export function getUrl(client: Client, params: GetUrlParams, options?: RequestOptions): APIPromise<GetUrlResult> {
  return client.post<GetUrlResult>('/storage/getUrl', { ...params, key: checkKey(params.key) }, options);
}
