import { request, path, type APIPromise, type RequestOptions, type SmarterClient } from '@smarter/core';
import type { FineTuningJob } from './create-job';
import { checkString } from './validate';

export interface JobParams {
  /** The job id (`ftjob-...`). */
  jobId: string;
}

/** Reads a fine-tuning job (`GET fine_tuning/jobs/<id>/`). An unknown id is a NotFoundError. */
export function retrieveJob(client: SmarterClient, params: JobParams = {} as JobParams, options?: RequestOptions): APIPromise<FineTuningJob> {
  const { jobId } = params;
  return request<FineTuningJob>(client, { method: 'GET', path: path`fine_tuning/jobs/${jobId}/`, check: () => checkString(jobId, 'jobId') }, options);
}
