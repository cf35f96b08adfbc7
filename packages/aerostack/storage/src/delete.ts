import { request } from '@aerostack/core';
import type { APIPromise, Client, RequestOptions } from '@aerostack/core';
import { checkKey, trimKey } from './keys';
import type { Body, Result } from './spec';

export type DeleteParams = Body<'storageDelete'>;
export type DeleteResult = Result<'storageDelete'>;

/** Deletes a file (`delete` on the `Storage` class; `delete` is a reserved word for a function). */
export function remove(client: Client, params: DeleteParams = {} as DeleteParams, options?: RequestOptions): APIPromise<DeleteResult> {
  return request<DeleteResult>(
    client,
    { method: 'POST', path: '/storage/delete', body: { ...params, key: trimKey(params.key) }, check: () => checkKey(params.key) },
    options,
  );
}
