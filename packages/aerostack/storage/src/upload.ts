import { request, APIPromise, multipart, type Client, type RequestOptions, type UploadSource } from '@aerostack/core';
import { contentTypeFor } from './content-type';
import { checkKey, trimKey } from './keys';
import type { Result } from './spec';

export interface UploadParams {
  /** Where the file goes, e.g. `avatars/user-123.jpg`. A leading `/` is dropped. */
  key: string;
  /**
   * The contents: a Blob or File (never read into memory here), bytes, text, or a
   * `ReadableStream<Uint8Array>`, which is sent as it is read and therefore never retried.
   */
  file: UploadSource;
  /** Default: from the key's extension (`.png`, `.pdf`, ...), else the Blob's type, else `application/octet-stream`. */
  contentType?: string | undefined;
}

/** `{ url }`: the file's CDN URL. */
export type UploadResult = Result<'storageUpload'>;

/** Uploads a file as multipart/form-data (fields `key`, `contentType`, `file`), streamed. */
export function upload(client: Client, params: UploadParams = {} as UploadParams, options?: RequestOptions): APIPromise<UploadResult> {
  // The body is encoded before the request, inside the call: a bad key or file (a VALIDATION_ERROR
  // naming it) rejects the call, as every operation's checks do, rather than throwing.
  return new APIPromise(
    (async () => {
      checkKey(params.key);
      const key = trimKey(params.key);
      const { file } = params;
      const contentType = params.contentType || contentTypeFor(key) || (file instanceof Blob && file.type) || 'application/octet-stream';
      // The metadata goes first, so a server can place the object before the bytes arrive.
      const form = multipart({ key, contentType, file: { data: file, filename: key.slice(key.lastIndexOf('/') + 1), contentType } });
      return request<UploadResult>(client, { method: 'POST', path: '/storage/upload', rawBody: form.body, contentType: form.contentType }, options).withResponse();
    })(),
  );
}
