import { APIPromise, request, type Client, type RequestOptions } from '@aerostack/core';
import type { Body, Result } from './spec';
import { checkKey } from './validate';

export type GetParams = Body<'cacheGet'>;
export type GetResult = Result<'cacheGet'>;

/** Reads one key. A missing key is `{ value: null, exists: false }`, not an error. */
export function get(client: Client, params: GetParams = {} as GetParams, options?: RequestOptions): APIPromise<GetResult> {
  // Written out rather than with `mapResult`: this is the call every bundle has.
  return new APIPromise(
    request<Partial<GetResult>>(client, { method: 'POST', path: '/cache/get', body: params, idempotent: true, check: () => checkKey(params.key) }, options)
      .withResponse()
      // The live API may leave out `exists`: present then means a non-null value.
      .then((r) => ({ ...r, data: { ...r.data, value: r.data.value ?? null, exists: r.data.exists ?? r.data.value != null } })),
  );
}
