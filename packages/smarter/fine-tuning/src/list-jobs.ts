import type { PagePromise, RequestOptions, SmarterClient } from '@smarter/core';
import type { FineTuningJob } from './create-job';
import { listPages, type PageParams } from './pages';
import type { Schemas } from './spec';

export type JobListParams = PageParams;
/** One page as the server sends it: `{ object: 'list', data, has_more }`. */
export type JobListPage = Schemas['FineTuningJobList'];

/**
 * Lists fine-tuning jobs, newest first (`GET fine_tuning/jobs/`), page by page as you iterate:
 * `for await (const job of listJobs(client, { limit: 20 }))`. `await` it for the first page
 * (`hasNextPage()`, `nextPageInfo()`, `getNextPage()`).
 */
export function listJobs(client: SmarterClient, params: JobListParams = {}, options?: RequestOptions): PagePromise<FineTuningJob, JobListPage> {
  return listPages(client, 'fine_tuning/jobs/', params, options);
}
