import type { APIPromise, Client, RequestOptions } from '@aerostack/core';
import type { Body, Result } from './spec';
import { checkPrefix, guard, invalid } from './validate';

export type FlushParams = Body<'cacheFlush'>;
export type FlushResult = Result<'cacheFlush'>;

/**
 * Deletes every key under `prefix`, or every key of the project when `prefix` is left out.
 * Irreversible; at most 10,000 keys per call; the server allows about 5 calls a minute.
 */
export function flush(client: Client, params: FlushParams = {}, options?: RequestOptions): APIPromise<FlushResult> {
  return guard(() => {
    checkPrefix(params.prefix);
    // An empty prefix matches every key: most likely a variable that was meant to hold one.
    if (params.prefix === '') invalid('prefix', 'a non-empty string (leave it out to flush every key)', params.prefix);
    return client.post<FlushResult>('/cache/flush', params, options);
  });
}
