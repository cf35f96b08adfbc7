import { request, path, type APIPromise, type RequestOptions, type SmarterClient } from '@smarter/core';
import type { FileRetrieveParams } from './retrieve';
import type { Schemas } from './spec';
import { checkString } from './validate';

export type FileDeleteParams = FileRetrieveParams;
/** `{ id, object: 'file', deleted: true }`. */
export type FileDeleted = Schemas['FileDeleted'];

/** Deletes a file (`DELETE files/<id>/`; the class method is `delete`). An unknown id is a NotFoundError. */
export function remove(client: SmarterClient, params: FileDeleteParams = {} as FileDeleteParams, options?: RequestOptions): APIPromise<FileDeleted> {
  const { fileId } = params;
  return request<FileDeleted>(client, { method: 'DELETE', path: path`files/${fileId}/`, check: () => checkString(fileId, 'fileId') }, options);
}
