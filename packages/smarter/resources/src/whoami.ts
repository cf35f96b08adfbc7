import type { APIPromise, RequestOptions, SmarterClient } from '@smarter/core';
import type { Data } from './spec';

export type WhoamiResult = Data<'cliWhoami'>;

/** Who the API key belongs to: `{ user, account, environment }`. */
export function whoami(client: SmarterClient, options?: RequestOptions): APIPromise<WhoamiResult> {
  return client.request<WhoamiResult>({ method: 'POST', path: 'cli/whoami/', idempotent: true }, options);
}
