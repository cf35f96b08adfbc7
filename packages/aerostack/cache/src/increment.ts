import { request } from '@aerostack/core';
import type { APIPromise, Client, RequestOptions } from '@aerostack/core';
import type { Body, Result } from './spec';
import { checkInteger, checkKey, checkSeconds } from './validate';

export type IncrementParams = Body<'cacheIncrement'>;
export type IncrementResult = Result<'cacheIncrement'>;

/**
 * Adds `amount` (default 1, may be negative) to a counter and returns the new `value`. A missing key
 * starts at `initialValue` (default 0) and gets `ttl` seconds to live. Read-modify-write on the
 * server, so not atomic under concurrent increments of one key.
 */
export function increment(client: Client, params: IncrementParams = {} as IncrementParams, options?: RequestOptions): APIPromise<IncrementResult> {
  return request<IncrementResult>(
    client,
    {
      method: 'POST',
      path: '/cache/increment',
      body: params,
      check() {
        checkKey(params.key);
        checkInteger(params.amount, 'amount');
        checkInteger(params.initialValue, 'initialValue');
        checkSeconds(params.ttl, 'ttl');
      },
    },
    options,
  );
}
