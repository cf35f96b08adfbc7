// `@smarter/files/node`: everything of `@smarter/files`, plus what only Node can do: upload from a path.
// The declaration of node:fs must come along into any program that compiles this file.
// eslint-disable-next-line @typescript-eslint/triple-slash-reference
/// <reference path="./node-fs.d.ts" />
import { openAsBlob } from 'node:fs';
import { APIPromise, InvalidRequestError, type RequestOptions, type SmarterClient, type UploadSource } from '@smarter/core';
import { create as createFile, type FileCreateParams, type FileObject, type FileTuple } from './create';
import { Files as WebFiles } from './files';

export * from './index';

/**
 * A File for a path on disk, named after it (`input.jsonl`), read only when sent (`fs.openAsBlob`,
 * Node 19.8+). The file must not change until it has been sent.
 */
export async function fileFromPath(path: string | URL, options: { type?: string } = {}): Promise<File> {
  const blob = await openAsBlob(path, options);
  const name = (typeof path === 'string' ? path : decodeURIComponent(path.pathname)).split(/[\\/]/).pop() ?? '';
  return new File([blob], name, { type: blob.type });
}

export interface NodeFileCreateParams extends Omit<FileCreateParams, 'file'> {
  /** A path (a string or a `file:` URL) to upload from disk, or anything `@smarter/files` takes except text (pass text as bytes, a Blob or in a tuple). */
  file: string | URL | Exclude<UploadSource, string> | FileTuple;
}

/**
 * Uploads a file as `@smarter/files`' `create` does; a string or URL is a path, streamed from disk:
 * `create(client, { file: 'input.jsonl', purpose: 'fine-tune' })`. A path that cannot be read is an
 * InvalidRequestError (code VALIDATION_ERROR).
 */
export function create(client: SmarterClient, params: NodeFileCreateParams = {} as NodeFileCreateParams, options?: RequestOptions): APIPromise<FileObject> {
  const { file } = params;
  if (typeof file !== 'string' && !(file instanceof URL)) return createFile(client, { ...params, file }, options);
  return new APIPromise(
    fileFromPath(file).then(
      (blob) => createFile(client, { ...params, file: blob }, options).withResponse(),
      (cause: unknown) => {
        throw new InvalidRequestError(`file: cannot read ${String(file)} (${(cause as Error).message})`, { code: 'VALIDATION_ERROR', details: { field: 'file' }, cause });
      },
    ),
  );
}

/** `Files` whose `create` also takes a path. */
export class Files extends WebFiles {
  override create(params: NodeFileCreateParams, options?: RequestOptions): APIPromise<FileObject> {
    return create(this.client, params, options);
  }
}
