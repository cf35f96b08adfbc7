import type { APIPromise, Client, RequestOptions } from '@aerostack/core';
import { checkKey } from './keys';
import type { Body, Result } from './spec';

export type GetMetadataParams = Body<'storageGetMetadata'>;
/** `{ exists, size, contentType, lastModified, etag }`. */
export type GetMetadataResult = Result<'storageGetMetadata'>;

/** A file's size, type, modification time and etag, without its contents. */
export function getMetadata(client: Client, params: GetMetadataParams, options?: RequestOptions): APIPromise<GetMetadataResult> {
  return client.post<GetMetadataResult>('/storage/getMetadata', { ...params, key: checkKey(params.key) }, options);
}
