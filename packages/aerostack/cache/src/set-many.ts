import { request } from '@aerostack/core';
import type { APIPromise, Client, RequestOptions } from '@aerostack/core';
import { MAX_BATCH } from './limits';
import type { Body, Result } from './spec';
import { checkBatch, checkKey, checkSeconds, checkValue } from './validate';

export type SetManyParams = Body<'cacheSetMany'>;
export type SetManyResult = Result<'cacheSetMany'>;

/** Stores up to 100 entries in one request, each with its own optional `ttl`; `count` says how many were stored. */
export function setMany(client: Client, params: SetManyParams = {} as SetManyParams, options?: RequestOptions): APIPromise<SetManyResult> {
  return request<SetManyResult>(
    client,
    {
      method: 'POST',
      path: '/cache/setMany',
      body: params,
      check() {
        checkBatch(params.entries, 'entries', MAX_BATCH);
        params.entries.forEach((entry, i) => {
          checkKey(entry.key, `entries[${i}].key`);
          checkValue(entry.value, `entries[${i}].value`);
          checkSeconds(entry.ttl, `entries[${i}].ttl`);
        });
      },
    },
    options,
  );
}
