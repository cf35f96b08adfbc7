import { request } from '@aerostack/core';
import type { APIPromise, Client, RequestOptions } from '@aerostack/core';
import type { Body, Result } from './spec';
import { checkKey, checkSeconds, checkValue } from './validate';

export type SetParams = Body<'cacheSet'>;
export type SetResult = Result<'cacheSet'>;

/** Stores any JSON value under a key, for `ttl` seconds when given (else until deleted). */
export function set(client: Client, params: SetParams = {} as SetParams, options?: RequestOptions): APIPromise<SetResult> {
  return request<SetResult>(
    client,
    {
      method: 'POST',
      path: '/cache/set',
      body: params,
      check() {
        checkKey(params.key);
        checkValue(params.value, 'value');
        checkSeconds(params.ttl, 'ttl');
      },
    },
    options,
  );
}
