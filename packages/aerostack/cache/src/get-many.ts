import { request } from '@aerostack/core';
import type { APIPromise, Client, RequestOptions } from '@aerostack/core';
import { MAX_BATCH } from './limits';
import type { Body, Result } from './spec';
import { checkKeys } from './validate';

export type GetManyParams = Body<'cacheGetMany'>;
export type GetManyResult = Result<'cacheGetMany'>;

/** Reads up to 100 keys in one request; `results` has one entry per key, with `exists`. */
export function getMany(client: Client, params: GetManyParams = {} as GetManyParams, options?: RequestOptions): APIPromise<GetManyResult> {
  return request<GetManyResult>(client, { method: 'POST', path: '/cache/getMany', body: params, idempotent: true, check: () => checkKeys(params.keys, MAX_BATCH) }, options);
}
