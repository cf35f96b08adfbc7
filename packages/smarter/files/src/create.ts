import { request, multipart, type APIPromise, type MultipartBody, type RequestOptions, type SmarterClient, type UploadSource } from '@smarter/core';
import type { Schemas } from './spec';
import { checkString, fail } from './validate';

/** `[filename, contents, contentType?]`, the seed's tuple: contents with the name and type to send. */
export type FileTuple = readonly [filename: string, contents: UploadSource, contentType?: string];

export interface FileCreateParams {
  /**
   * A Blob or File (sent with its name and type; never read into memory here), bytes, UTF-8 text, a
   * `ReadableStream<Uint8Array>` (sent as it is read, so never retried), or a `[filename, contents,
   * contentType?]` tuple.
   */
  file: UploadSource | FileTuple;
  /** What the file is for: `fine-tune`, `assistants`, `batch`, `user_data`, ... */
  purpose: string;
}

export type FileObject = Schemas['FileObject'];

const isSource = (v: unknown): boolean =>
  typeof v == 'string' || v instanceof Blob || v instanceof Uint8Array || v instanceof ArrayBuffer || v instanceof ReadableStream;

/**
 * Uploads a file (`POST files/`, multipart/form-data with `purpose`, then `file`), streamed. A write:
 * not retried unless you pass an `idempotencyKey`, and a stream upload never is.
 */
export function create(client: SmarterClient, params: FileCreateParams = {} as FileCreateParams, options?: RequestOptions): APIPromise<FileObject> {
  const { file, purpose } = params;
  const [filename, data, contentType] = Array.isArray(file) ? (file as FileTuple) : [undefined, file as UploadSource];
  let form: MultipartBody | undefined;
  let error: unknown;
  // Built now (nothing is read); what it refuses (a stream already read, say) rejects the call below.
  try {
    form = multipart({ purpose, file: { data, filename, contentType } });
  } catch (e) {
    error = e;
  }
  return request<FileObject>(
    client,
    {
      method: 'POST',
      path: 'files/',
      rawBody: form?.body,
      contentType: form?.contentType,
      check() {
        checkString(purpose, 'purpose');
        if (filename !== undefined) checkString(filename, 'file[0]');
        if (!isSource(data)) fail('file', 'a Blob or File, bytes, text, a ReadableStream or a [filename, contents, type?] tuple');
        if (!form) throw error;
      },
    },
    options,
  );
}
