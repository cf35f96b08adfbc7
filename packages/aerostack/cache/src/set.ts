import type { APIPromise, Client, RequestOptions } from '@aerostack/core';
import type { Body, Result } from './spec';
import { checkKey, checkSeconds, checkValue, guard } from './validate';

export type SetParams = Body<'cacheSet'>;
export type SetResult = Result<'cacheSet'>;

/** Stores any JSON value under a key, for `ttl` seconds when given (else until deleted). */
export function set(client: Client, params: SetParams, options?: RequestOptions): APIPromise<SetResult> {
  return guard(() => {
    checkKey(params.key);
    checkValue(params.value, 'value');
    checkSeconds(params.ttl, 'ttl');
    return client.post<SetResult>('/cache/set', params, options);
  });
}
