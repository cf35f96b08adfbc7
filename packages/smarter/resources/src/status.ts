import { request } from '@smarter/core';
import type { APIPromise, RequestOptions, SmarterClient } from '@smarter/core';
import type { Data } from './spec';

export type StatusResult = Data<'cliStatus'>;

/** The platform's infrastructure and compute status. */
export function status(client: SmarterClient, options?: RequestOptions): APIPromise<StatusResult> {
  return request<StatusResult>(client, { method: 'POST', path: 'cli/status/', idempotent: true }, options);
}
