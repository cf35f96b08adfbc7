import type { APIPromise, Client, PagePromise, RequestOptions } from '@aerostack/core';
import { cancel, type CancelParams, type CancelResult } from './cancel';
import { enqueue, type EnqueueParams, type EnqueueResult } from './enqueue';
import { getJob, type GetJobParams, type GetJobResult } from './get-job';
import { listJobs, type JobRecord, type ListJobsParams, type ListJobsResult } from './list-jobs';

/**
 * The queue operations bound to one client: `new Queue(client).enqueue({ type, data })`. Each
 * method is the function of the same name.
 */
export class Queue {
  constructor(readonly client: Client) {}

  enqueue(params: EnqueueParams, options?: RequestOptions): APIPromise<EnqueueResult> {
    return enqueue(this.client, params, options);
  }

  getJob(params: GetJobParams, options?: RequestOptions): APIPromise<GetJobResult> {
    return getJob(this.client, params, options);
  }

  listJobs(params?: ListJobsParams, options?: RequestOptions): PagePromise<JobRecord, ListJobsResult> {
    return listJobs(this.client, params, options);
  }

  cancel(params: CancelParams, options?: RequestOptions): APIPromise<CancelResult> {
    return cancel(this.client, params, options);
  }
}
