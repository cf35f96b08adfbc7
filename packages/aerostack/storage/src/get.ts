import { APIPromise, type Client, type RequestOptions } from '@aerostack/core';
import { checkKey, trimKey } from './keys';
import type { Body } from './spec';

export type GetParams = Body<'storageGet'>;

/** A downloaded file. Nothing is read until you ask: `body` streams it, the methods read it whole (once). */
export interface DownloadedFile {
  /** The object's `Content-Type`. */
  contentType: string;
  /** Bytes, from `Content-Length` when the server sent it. */
  size: number | undefined;
  etag: string | undefined;
  /** The contents as a stream, for files too large to hold. */
  body: ReadableStream<Uint8Array> | null;
  bytes(): Promise<Uint8Array>;
  text(): Promise<string>;
  blob(): Promise<Blob>;
  json<T = unknown>(): Promise<T>;
  /** The underlying response (status, every header). */
  response: Response;
}

/** Downloads a file without buffering it. A missing key is a NotFoundError. */
export function get(client: Client, params: GetParams, options?: RequestOptions): APIPromise<DownloadedFile> {
  // Written out rather than with `mapResult`: a smaller bundle for the call apps make most.
  return new APIPromise(
    client
      .request<Response>(
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
  return {
    contentType: headers.get('content-type') ?? 'application/octet-stream',
    size: length ? Number(length) : undefined,
    etag: headers.get('etag') ?? undefined,
    body: response.body,
    bytes: async () => new Uint8Array(await response.arrayBuffer()),
    text: () => response.text(),
    blob: () => response.blob(),
    json: <T>() => response.json() as Promise<T>,
    response,
  };
}
