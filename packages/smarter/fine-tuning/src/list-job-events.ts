import { path, type PagePromise, type RequestOptions, type SmarterClient } from '@smarter/core';
import { listPages, type PageParams } from './pages';
import type { JobParams } from './retrieve-job';
import type { Schemas } from './spec';
import { checkString } from './validate';

export type JobEventListParams = JobParams & PageParams;
export type FineTuningJobEvent = Schemas['FineTuningJobEvent'];
/** One page as the server sends it: `{ object: 'list', data, has_more }`. */
export type JobEventListPage = Schemas['FineTuningJobEventList'];

/** Lists a job's events, newest first (`GET fine_tuning/jobs/<id>/events/`), page by page as you iterate. */
export function listJobEvents(client: SmarterClient, params: JobEventListParams = {} as JobEventListParams, options?: RequestOptions): PagePromise<FineTuningJobEvent, JobEventListPage> {
  const { jobId } = params;
  return listPages(client, path`fine_tuning/jobs/${jobId}/events/`, params, options, () => checkString(jobId, 'jobId'));
}
