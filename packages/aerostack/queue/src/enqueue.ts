import { request } from '@aerostack/core';
import type { APIPromise, Client, RequestOptions } from '@aerostack/core';
import type { Body, Result } from './spec';
import { checkText, fail } from './validate';

export type EnqueueParams = Body<'queueEnqueue'>;
export type EnqueueResult = Result<'queueEnqueue'>;

/**
 * Adds a job: `enqueue(client, { type: 'send-email', data: { to } })`, due now or `delay` seconds
 * from now. Resolves to `{ jobId, success }` (the server answers 201 Created).
 */
export function enqueue(client: Client, params: EnqueueParams = {} as EnqueueParams, options?: RequestOptions): APIPromise<EnqueueResult> {
  const { delay } = params;
  return request(
    client,
    {
      method: 'POST',
      path: '/queue/enqueue',
      body: params,
      check() {
        checkText(params.type, 'type');
        // `undefined` would vanish from the JSON body and the server would refuse the job.
        if (params.data === undefined) fail('data: a JSON value (null for none)', 'data');
        if (delay !== undefined && !(Number.isSafeInteger(delay) && delay >= 0)) fail('delay: a non-negative integer (seconds)', 'delay');
      },
    },
    options,
  );
}
