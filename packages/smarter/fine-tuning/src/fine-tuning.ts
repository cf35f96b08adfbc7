import type { APIPromise, PagePromise, RequestOptions, SmarterClient } from '@smarter/core';
import { cancelJob } from './cancel-job';
import { createJob, type FineTuningJob, type JobCreateParams } from './create-job';
import { listJobEvents, type FineTuningJobEvent, type JobEventListPage, type JobEventListParams } from './list-job-events';
import { listJobs, type JobListPage, type JobListParams } from './list-jobs';
import { retrieveJob, type JobParams } from './retrieve-job';

/** `fineTuning.jobs` of one client. */
export class Jobs {
  constructor(readonly client: SmarterClient) {}

  create(params: JobCreateParams, options?: RequestOptions): APIPromise<FineTuningJob> {
    return createJob(this.client, params, options);
  }

  list(params?: JobListParams, options?: RequestOptions): PagePromise<FineTuningJob, JobListPage> {
    return listJobs(this.client, params, options);
  }

  retrieve(params: JobParams, options?: RequestOptions): APIPromise<FineTuningJob> {
    return retrieveJob(this.client, params, options);
  }

  cancel(params: JobParams, options?: RequestOptions): APIPromise<FineTuningJob> {
    return cancelJob(this.client, params, options);
  }

  listEvents(params: JobEventListParams, options?: RequestOptions): PagePromise<FineTuningJobEvent, JobEventListPage> {
    return listJobEvents(this.client, params, options);
  }
}

/** The fine-tuning operations bound to one client: `new FineTuning(client).jobs.list({ limit: 20 })`. */
export class FineTuning {
  readonly jobs: Jobs;

  constructor(readonly client: SmarterClient) {
    this.jobs = new Jobs(client);
  }
}
