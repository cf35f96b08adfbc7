import { request, APIConnectionError, APIPromise, type Client, type RequestOptions } from '@aerostack/core';
import { checkKey, trimKey } from './keys';
import type { Body } from './spec';

export type GetParams = Body<'storageGet'>;

/** A downloaded file. Nothing is read until you ask: `body` streams it, the methods read it whole (once). */
export interface DownloadedFile {
  /** The object's `Content-Type`. */
  contentType: string;
  /** Bytes, from `Content-Length` when the server sent it. */
  size: number | undefined;
  /** Unquoted (`abc`, not the header's `"abc"`), as getMetadata and list give it. */
  etag: string | undefined;
  /** The contents as a stream, for files too large to hold. (Its errors are the runtime's own; the methods below turn a cut download into an APIConnectionError.) */
  body: ReadableStream<Uint8Array> | null;
  bytes(): Promise<Uint8Array>;
  text(): Promise<string>;
  blob(): Promise<Blob>;
  json<T = unknown>(): Promise<T>;
  /** The underlying response (status, every header). */
  response: Response;
}

/** Downloads a file without buffering it. A missing key is a NotFoundError. */
export function get(client: Client, params: GetParams = {} as GetParams, options?: RequestOptions): APIPromise<DownloadedFile> {
  // Written out rather than with `mapResult`: a smaller bundle for the call apps make most.
  return new APIPromise(
    request<Response>(
        client,
        { method: 'POST', path: '/storage/get', body: { ...params, key: trimKey(params.key) }, parse: 'raw', idempotent: true, check: () => checkKey(params.key) },
        { ...options, headers: { accept: 'application/octet-stream, application/json', ...options?.headers } },
      )
      .withResponse()
      .then((r) => ({ ...r, data: downloaded(r.data) })),
  );
}

/** The file of a download response; nothing is read until a method asks. */
function downloaded(response: Response): DownloadedFile {
  const { headers } = response;
  const length = headers.get('content-length');
  // A connection cut mid-body rejects with the runtime's own error (`terminated`, `aborted`): it
  // becomes the SDK's APIConnectionError, as for any other call.
  const read =
    <T>(method: 'arrayBuffer' | 'text' | 'blob' | 'json') =>
    (): Promise<T> =>
      (response[method]() as Promise<T>).catch((cause: unknown) => {
        throw new APIConnectionError(`Connection error: ${(cause as Error | undefined)?.message ?? String(cause)}`, { cause });
      });
  return {
    contentType: headers.get('content-type') ?? 'application/octet-stream',
    size: length ? Number(length) : undefined,
    // Unquoted, as getMetadata and list give it (the header quotes it: `"abc"`).
    etag: headers.get('etag')?.replace(/^"(.*)"$/, '$1'),
    body: response.body,
    bytes: async () => new Uint8Array(await read<ArrayBuffer>('arrayBuffer')()),
    text: read('text'),
    blob: read('blob'),
    json: read('json'),
    response,
  };
}
