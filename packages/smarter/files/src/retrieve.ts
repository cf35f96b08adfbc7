import { request, path, type APIPromise, type RequestOptions, type SmarterClient } from '@smarter/core';
import type { FileObject } from './create';
import { checkString } from './validate';

export interface FileRetrieveParams {
  /** The file id (`file-...`). */
  fileId: string;
}

/** Reads a file's metadata (`GET files/<id>/`). An unknown id is a NotFoundError. */
export function retrieve(client: SmarterClient, params: FileRetrieveParams = {} as FileRetrieveParams, options?: RequestOptions): APIPromise<FileObject> {
  const { fileId } = params;
  return request<FileObject>(client, { method: 'GET', path: path`files/${fileId}/`, check: () => checkString(fileId, 'fileId') }, options);
}
