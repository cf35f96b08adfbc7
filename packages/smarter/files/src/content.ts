import { request, mapResult, path, type APIPromise, type RequestOptions, type SmarterClient } from '@smarter/core';
import type { FileRetrieveParams } from './retrieve';
import { checkString } from './validate';

export type FileContentParams = FileRetrieveParams;

/** A file's bytes, not read until you ask: `body` streams them; the methods read them whole (once). */
export interface FileContent {
  body: ReadableStream<Uint8Array> | null;
  bytes(): Promise<Uint8Array>;
  text(): Promise<string>;
  blob(): Promise<Blob>;
  /** The underlying response (status, headers). */
  response: Response;
}

/** Downloads a file's content (`GET files/<id>/content/`) without buffering it. */
export function content(client: SmarterClient, params: FileContentParams = {} as FileContentParams, options?: RequestOptions): APIPromise<FileContent> {
  const { fileId } = params;
  const sent = request<Response>(
    client,
    { method: 'GET', path: path`files/${fileId}/content/`, parse: 'raw', check: () => checkString(fileId, 'fileId') },
    { ...options, headers: { accept: 'application/octet-stream, application/json', ...options?.headers } },
  );
  return mapResult(sent, ({ data: response }) => ({
    body: response.body,
    bytes: async () => new Uint8Array(await response.arrayBuffer()),
    text: () => response.text(),
    blob: () => response.blob(),
    response,
  }));
}
