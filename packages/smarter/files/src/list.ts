import { request, afterIdPages, paginate, type PagePromise, type RequestOptions, type SmarterClient } from '@smarter/core';
import type { FileObject } from './create';
import type { Schemas } from './spec';
import { checkLimit } from './validate';

export interface FileListParams {
  /** Only files with this purpose. */
  purpose?: string | undefined;
  /** Files per page, 1 to 100 (the server's default is 20). */
  limit?: number | undefined;
  /** Start after this file id: a saved `page.nextCursor`, to resume a listing. */
  after?: string | undefined;
  /** By creation time; the server's default is `desc`, newest first. */
  order?: 'asc' | 'desc' | undefined;
}

/** One page as the server sends it: `{ object: 'list', data, has_more, first_id?, last_id? }`. */
export type FileListPage = Schemas['FileList'];

/**
 * Lists files (`GET files/`), page by page as you iterate: `for await (const file of list(client))`.
 * `await` it for the first page (`hasNextPage()`, `nextPageInfo()`, `getNextPage()`); `.byPage()` for pages.
 */
export function list(client: SmarterClient, params: FileListParams = {}, options?: RequestOptions): PagePromise<FileObject, FileListPage> {
  const { purpose, limit, order } = params;
  return paginate<FileObject, FileListPage>(
    (after) =>
      request(
        client,
        { method: 'GET', path: 'files/', query: { purpose, limit, order, after }, check: () => checkLimit(limit) },
        // A caller's idempotency key would be sent with every page; a read needs none.
        { ...options, idempotencyKey: undefined },
      ),
    afterIdPages(),
    params.after,
  );
}
