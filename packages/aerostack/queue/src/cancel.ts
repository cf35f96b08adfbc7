import { request } from '@aerostack/core';
import type { APIPromise, Client, RequestOptions } from '@aerostack/core';
import type { Body, Result } from './spec';
import { checkText } from './validate';

export type CancelParams = Body<'queueCancelJob'>;
export type CancelResult = Result<'queueCancelJob'>;

/**
 * Asks for a job to be cancelled. Advisory: a job that already completed or failed cannot be, and
 * the answer is then `{ success: false, note }` rather than an error.
 */
export function cancel(client: Client, params: CancelParams = {} as CancelParams, options?: RequestOptions): APIPromise<CancelResult> {
  return request(client, { method: 'POST', path: '/queue/cancel', body: params, check: () => checkText(params.jobId, 'jobId') }, options);
}
