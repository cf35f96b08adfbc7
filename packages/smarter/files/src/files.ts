import type { APIPromise, PagePromise, RequestOptions, SmarterClient } from '@smarter/core';
import { content, type FileContent, type FileContentParams } from './content';
import { create, type FileCreateParams, type FileObject } from './create';
import { remove, type FileDeleted, type FileDeleteParams } from './delete';
import { list, type FileListPage, type FileListParams } from './list';
import { retrieve, type FileRetrieveParams } from './retrieve';

/**
 * Every file operation as a method: `new Files(client).create({ file, purpose })`. (It carries all of
 * them; import the functions instead to bundle only what you call.)
 */
export class Files {
  constructor(readonly client: SmarterClient) {}

  create(params: FileCreateParams, options?: RequestOptions): APIPromise<FileObject> {
    return create(this.client, params, options);
  }

  list(params?: FileListParams, options?: RequestOptions): PagePromise<FileObject, FileListPage> {
    return list(this.client, params, options);
  }

  retrieve(params: FileRetrieveParams, options?: RequestOptions): APIPromise<FileObject> {
    return retrieve(this.client, params, options);
  }

  delete(params: FileDeleteParams, options?: RequestOptions): APIPromise<FileDeleted> {
    return remove(this.client, params, options);
  }

  content(params: FileContentParams, options?: RequestOptions): APIPromise<FileContent> {
    return content(this.client, params, options);
  }
}
