import { request } from '@smarter/core';
import type { APIPromise, RequestOptions, SmarterClient } from '@smarter/core';
import type { Data } from './spec';

export type WhoamiResult = Data<'cliWhoami'>;

/** Who the API key belongs to: `{ user, account, environment }`. */
export function whoami(client: SmarterClient, options?: RequestOptions): APIPromise<WhoamiResult> {
  return request<WhoamiResult>(client, { method: 'POST', path: 'cli/whoami/', idempotent: true }, options);
}
