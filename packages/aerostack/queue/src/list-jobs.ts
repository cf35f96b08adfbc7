import { listCompletePages, paginate, type Client, type PagePromise, type RequestOptions } from '@aerostack/core';
import type { Body, Result, Schemas } from './spec';
import { checkText, invalid } from './validate';

export type ListJobsParams = Body<'queueListJobs'>;
/** One page as the server sends it: `{ jobs, list_complete, cursor? }`. */
export type ListJobsResult = Result<'queueListJobs'>;
export type JobRecord = Schemas['JobRecord'];
export type JobStatus = Schemas['JobStatus'];

/** Every job status, in lifecycle order. */
export const JOB_STATUSES: readonly JobStatus[] = ['queued', 'processing', 'completed', 'failed', 'cancelled'];

/** The largest page `listJobs` asks for. */
export const MAX_LIST_JOBS_LIMIT = 200;

function check(params: ListJobsParams): void {
  const { status, type, limit } = params;
  if (status !== undefined && !JOB_STATUSES.includes(status)) invalid('status', `one of ${JOB_STATUSES.join(', ')}`, status);
  if (type !== undefined) checkText(type, 'type');
  if (limit !== undefined && !(Number.isSafeInteger(limit) && limit >= 1 && limit <= MAX_LIST_JOBS_LIMIT)) {
    invalid('limit', `an integer from 1 to ${MAX_LIST_JOBS_LIMIT}`, limit);
  }
}

/**
 * Lists jobs page by page as you iterate, optionally only those with a `status` or of a `type`.
 * `limit` is the page size (default 50, at most 200). Pass a saved `page.nextCursor` as `cursor` to resume.
 */
export function listJobs(client: Client, params: ListJobsParams = {}, options?: RequestOptions): PagePromise<JobRecord, ListJobsResult> {
  // Each page is a request of its own: one caller-given idempotency key on all of them would let
  // the server answer every page with the first. Without it, each page gets a fresh key.
  const pageOptions = options?.idempotencyKey ? { ...options, idempotencyKey: undefined } : options;
  return paginate<JobRecord, ListJobsResult>(
    (cursor) => {
      check(params);
      return client.post<ListJobsResult>('/queue/jobs', { ...params, cursor }, pageOptions);
    },
    listCompletePages('jobs'),
    params.cursor,
  );
}
