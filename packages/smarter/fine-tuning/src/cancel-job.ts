import { request, path, type APIPromise, type RequestOptions, type SmarterClient } from '@smarter/core';
import type { FineTuningJob } from './create-job';
import type { JobParams } from './retrieve-job';
import { checkString } from './validate';

/**
 * Cancels a job that has not finished (`POST fine_tuning/jobs/<id>/cancel/`) and resolves to it,
 * status `cancelled`. A write: not retried unless you pass an `idempotencyKey`.
 */
export function cancelJob(client: SmarterClient, params: JobParams = {} as JobParams, options?: RequestOptions): APIPromise<FineTuningJob> {
  const { jobId } = params;
  return request<FineTuningJob>(client, { method: 'POST', path: path`fine_tuning/jobs/${jobId}/cancel/`, check: () => checkString(jobId, 'jobId') }, options);
}
