import type { APIPromise, Client, RequestOptions } from '@aerostack/core';
import { checkKey } from './keys';
import type { Body, Result } from './spec';

export type DeleteParams = Body<'storageDelete'>;
export type DeleteResult = Result<'storageDelete'>;

/** Deletes a file (`delete` on the `Storage` class; `delete` is a reserved word for a function). */
export function remove(client: Client, params: DeleteParams, options?: RequestOptions): APIPromise<DeleteResult> {
  return client.post<DeleteResult>('/storage/delete', { ...params, key: checkKey(params.key) }, options);
}
