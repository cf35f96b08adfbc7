import { request } from '@smarter/core';
import type { APIPromise, RequestOptions, SmarterClient } from '@smarter/core';
import type { Body, Schemas } from './spec';
import { checkString } from './validate';

/** `model`, `training_file` (an uploaded file's id), and optionally `validation_file`, `hyperparameters`, `suffix`, `seed`. */
export type JobCreateParams = Body<'fineTuningJobsCreate'>;
export type FineTuningJob = Schemas['FineTuningJob'];

/**
 * Starts a fine-tuning job (`POST fine_tuning/jobs/`). A write: not retried (Smarter honours no
 * idempotency keys) unless you pass an `idempotencyKey`.
 */
export function createJob(client: SmarterClient, params: JobCreateParams = {} as JobCreateParams, options?: RequestOptions): APIPromise<FineTuningJob> {
  return request<FineTuningJob>(
    client,
    {
      method: 'POST',
      path: 'fine_tuning/jobs/',
      body: params,
      check() {
        checkString(params.model, 'model');
        checkString(params.training_file, 'training_file');
      },
    },
    options,
  );
}
