import type { APIPromise, Client, PagePromise, RequestOptions } from '@aerostack/core';
import { copy, type CopyParams, type CopyResult } from './copy';
import { remove, type DeleteParams, type DeleteResult } from './delete';
import { exists, type ExistsParams, type ExistsResult } from './exists';
import { get, type DownloadedFile, type GetParams } from './get';
import { getUrl, type GetUrlParams, type GetUrlResult } from './get-url';
import { list, type ListPage, type ListParams, type StorageObject } from './list';
import { getMetadata, type GetMetadataParams, type GetMetadataResult } from './metadata';
import { move, type MoveParams, type MoveResult } from './move';
import { upload, type UploadParams, type UploadResult } from './upload';

/**
 * Every storage operation as a method: `new Storage(client).upload({ key, file })`.
 * (It carries all of them; import the functions instead to bundle only what you call.)
 */
export class Storage {
  constructor(readonly client: Client) {}

  upload(params: UploadParams, options?: RequestOptions): APIPromise<UploadResult> {
    return upload(this.client, params, options);
  }

  get(params: GetParams, options?: RequestOptions): APIPromise<DownloadedFile> {
    return get(this.client, params, options);
  }

  getUrl(params: GetUrlParams, options?: RequestOptions): APIPromise<GetUrlResult> {
    return getUrl(this.client, params, options);
  }

  list(params?: ListParams, options?: RequestOptions): PagePromise<StorageObject, ListPage> {
    return list(this.client, params, options);
  }

  delete(params: DeleteParams, options?: RequestOptions): APIPromise<DeleteResult> {
    return remove(this.client, params, options);
  }

  exists(params: ExistsParams, options?: RequestOptions): APIPromise<ExistsResult> {
    return exists(this.client, params, options);
  }

  getMetadata(params: GetMetadataParams, options?: RequestOptions): APIPromise<GetMetadataResult> {
    return getMetadata(this.client, params, options);
  }

  copy(params: CopyParams, options?: RequestOptions): APIPromise<CopyResult> {
    return copy(this.client, params, options);
  }

  move(params: MoveParams, options?: RequestOptions): APIPromise<MoveResult> {
    return move(this.client, params, options);
  }
}
