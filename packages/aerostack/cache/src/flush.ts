import { request } from '@aerostack/core';
import type { APIPromise, Client, RequestOptions } from '@aerostack/core';
import type { Body, Result } from './spec';
import { checkPrefix, fail } from './validate';

export type FlushParams = Body<'cacheFlush'>;
export type FlushResult = Result<'cacheFlush'>;

/**
 * Deletes every key under `prefix`, or every key of the project when `prefix` is left out.
 * Irreversible; at most 10,000 keys per call; the server allows about 5 calls a minute.
 */
export function flush(client: Client, params: FlushParams = {}, options?: RequestOptions): APIPromise<FlushResult> {
  return request<FlushResult>(
    client,
    {
      method: 'POST',
      path: '/cache/flush',
      body: params,
      check() {
        checkPrefix(params.prefix);
        // An empty prefix matches every key: most likely a variable that was meant to hold one.
        if (params.prefix === '') fail('prefix: a non-empty string (leave it out to flush every key)', 'prefix');
      },
    },
    options,
  );
}
