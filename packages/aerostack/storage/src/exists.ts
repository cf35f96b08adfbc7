import { request } from '@aerostack/core';
import type { APIPromise, Client, RequestOptions } from '@aerostack/core';
import { checkKey, trimKey } from './keys';
import type { Body, Result } from './spec';

export type ExistsParams = Body<'storageExists'>;
export type ExistsResult = Result<'storageExists'>;

/** `{ exists }`: whether a file is there. */
export function exists(client: Client, params: ExistsParams = {} as ExistsParams, options?: RequestOptions): APIPromise<ExistsResult> {
  return request<ExistsResult>(
    client,
    { method: 'POST', path: '/storage/exists', body: { ...params, key: trimKey(params.key) }, idempotent: true, check: () => checkKey(params.key) },
    options,
  );
}
