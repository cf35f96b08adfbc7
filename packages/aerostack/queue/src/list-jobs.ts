import { request, listCompletePages, paginate, type Client, type PagePromise, type RequestOptions } from '@aerostack/core';
import type { Body, Result, Schemas } from './spec';
import { checkText, fail } from './validate';

export type ListJobsParams = Body<'queueListJobs'>;
/** One page as the server sends it: `{ jobs, list_complete, cursor? }`. */
export type ListJobsResult = Result<'queueListJobs'>;
export type JobRecord = Schemas['JobRecord'];
export type JobStatus = Schemas['JobStatus'];

/** Every job status, in lifecycle order. */
export const JOB_STATUSES: readonly JobStatus[] = ['queued', 'processing', 'completed', 'failed', 'cancelled'];

/** The largest page `listJobs` asks for. */
export const MAX_LIST_JOBS_LIMIT = 200;

/**
 * Lists jobs page by page as you iterate, optionally only those with a `status` or of a `type`.
 * `limit` is the page size (default 50, at most 200). Pass a saved `page.nextCursor` as `cursor` to resume.
 */
export function listJobs(client: Client, params: ListJobsParams = {}, options?: RequestOptions): PagePromise<JobRecord, ListJobsResult> {
  const { type, limit } = params;
  return paginate<JobRecord, ListJobsResult>(
    (cursor) =>
      request(
        client,
        {
          method: 'POST',
          path: '/queue/jobs',
          body: { ...params, cursor },
          // A read: no idempotency key. A caller's one is dropped too: on every page it would let
          // the server answer each page with the first.
          idempotent: true,
          check() {
            if (type !== undefined) checkText(type, 'type');
            if (limit !== undefined && !(Number.isSafeInteger(limit) && limit >= 1 && limit <= MAX_LIST_JOBS_LIMIT)) fail(`limit: an integer from 1 to ${MAX_LIST_JOBS_LIMIT}`, 'limit');
          },
        },
        { ...options, idempotencyKey: undefined },
      ),
    listCompletePages('jobs'),
    params.cursor,
  );
}
