import { request } from '@aerostack/core';
import type { APIPromise, Client, RequestOptions } from '@aerostack/core';
import type { Body, Result } from './spec';
import { checkText } from './validate';

export type GetJobParams = Body<'queueGetJob'>;
export type GetJobResult = Result<'queueGetJob'>;

/**
 * Reads a job by id: `{ job, exists }`. An unknown id (or one older than the 7 days jobs are kept)
 * is `{ job: null, exists: false }`, not an error.
 */
export function getJob(client: Client, params: GetJobParams = {} as GetJobParams, options?: RequestOptions): APIPromise<GetJobResult> {
  return request(client, { method: 'POST', path: '/queue/job', body: params, idempotent: true, check: () => checkText(params.jobId, 'jobId') }, options);
}
