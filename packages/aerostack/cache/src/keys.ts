import { request } from '@aerostack/core';
import type { APIPromise, Client, RequestOptions } from '@aerostack/core';
import type { Body, Result } from './spec';
import { checkPrefix } from './validate';

export type KeysParams = Body<'cacheKeys'>;
export type KeysResult = Result<'cacheKeys'>;

/**
 * Every key name (under `prefix`) in one response. The server stops at 10,000 keys and then says
 * `truncated: true`; use `list` to walk more keys than that, with expirations.
 */
export function keys(client: Client, params: KeysParams = {}, options?: RequestOptions): APIPromise<KeysResult> {
  return request<KeysResult>(client, { method: 'POST', path: '/cache/keys', body: params, idempotent: true, check: () => checkPrefix(params.prefix) }, options);
}
