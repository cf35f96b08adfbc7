import type { APIPromise, Client, RequestOptions } from '@aerostack/core';
import { checkKey } from './keys';
import type { Body, Result } from './spec';

export type ExistsParams = Body<'storageExists'>;
export type ExistsResult = Result<'storageExists'>;

/** `{ exists }`: whether a file is there. */
export function exists(client: Client, params: ExistsParams, options?: RequestOptions): APIPromise<ExistsResult> {
  return client.post<ExistsResult>('/storage/exists', { ...params, key: checkKey(params.key) }, options);
}
