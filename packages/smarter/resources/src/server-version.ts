import { request } from '@smarter/core';
import type { APIPromise, RequestOptions, SmarterClient } from '@smarter/core';
import type { Data } from './spec';

export type VersionResult = Data<'cliVersion'>;

/** The platform's version (with its library versions) and the latest CLI version. */
export function version(client: SmarterClient, options?: RequestOptions): APIPromise<VersionResult> {
  return request<VersionResult>(client, { method: 'POST', path: 'cli/version/', idempotent: true }, options);
}
