import { request } from '@aerostack/core';
import type { APIPromise, Client } from '@aerostack/core';
import { consumerAuth, type ConsumerRequestOptions } from './consumer';
import { consumerPath } from './routes';
import type { Result } from './spec';
import { fail, requireText } from './validate';

export interface UsageParams {
  /** The gateway API whose usage to read. */
  apiSlug: string;
  /** How many days back; the server's default when omitted. */
  days?: number | undefined;
}
export type UsageResult = Result<'gatewayUsage'>;

/** The calling consumer's token and request totals (`GET .../me/usage?api_slug=&days=`, Bearer). */
export function getUsage(client: Client, params: UsageParams = {} as UsageParams, options?: ConsumerRequestOptions): APIPromise<UsageResult> {
  const { apiSlug, days } = params;
  const check = () => {
    requireText('apiSlug', apiSlug);
    if (days !== undefined && !(Number.isInteger(days) && days >= 1)) fail('days must be a whole number, 1 or more', 'days');
  };
  return request<UsageResult>(client, { method: 'GET', path: consumerPath(client, 'usage', options), query: { api_slug: apiSlug, days }, auth: consumerAuth(options), check }, options);
}
