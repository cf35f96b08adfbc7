import { request } from '@aerostack/core';
import type { APIPromise, Client, RequestOptions } from '@aerostack/core';
import type { Body, Result } from './spec';
import { checkKey, checkSeconds } from './validate';

export type ExpireParams = Body<'cacheExpire'>;
export type ExpireResult = Result<'cacheExpire'>;

/** Makes an existing key expire `ttl` seconds from now (the server reads and rewrites it: not atomic). */
export function expire(client: Client, params: ExpireParams = {} as ExpireParams, options?: RequestOptions): APIPromise<ExpireResult> {
  return request<ExpireResult>(
    client,
    {
      method: 'POST',
      path: '/cache/expire',
      body: params,
      check() {
        checkKey(params.key);
        checkSeconds(params.ttl, 'ttl', true);
      },
    },
    options,
  );
}
