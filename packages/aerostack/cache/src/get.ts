import { APIPromise, type Client, type RequestOptions, type WithResponse } from '@aerostack/core';
import type { Body, Result } from './spec';
import { checkKey } from './validate';

export type GetParams = Body<'cacheGet'>;
export type GetResult = Result<'cacheGet'>;

/** Reads one key. A missing key is `{ value: null, exists: false }`, not an error. */
export function get(client: Client, params: GetParams, options?: RequestOptions): APIPromise<GetResult> {
  // Written out rather than with `guard` and `mapResult`: this is the call every bundle has.
  return new APIPromise(
    new Promise<WithResponse<GetResult>>((resolve) => {
      checkKey(params.key); // a throw here rejects the promise
      resolve(
        client.post<Partial<GetResult>>('/cache/get', params, options).withResponse().then((r) => ({
          ...r,
          // The live API may leave out `exists`: present then means a non-null value.
          data: { ...r.data, value: r.data.value ?? null, exists: r.data.exists ?? r.data.value != null },
        })),
      );
    }),
  );
}
