import { request } from '@aerostack/core';
import type { APIPromise, Client, RequestOptions } from '@aerostack/core';
import type { Body, Result } from './spec';
import { fail, requireText } from './validate';

export type BillingLogParams = Body<'gatewayBillingLog'>;
export type BillingLogResult = Result<'gatewayBillingLog'>;

/** Records units a consumer used, for billing. Sent with the developer's API key (`X-Aerostack-Key`). */
export function billingLog(client: Client, params: BillingLogParams = {} as BillingLogParams, options?: RequestOptions): APIPromise<BillingLogResult> {
  const check = () => {
    requireText('consumerId', params.consumerId);
    requireText('apiId', params.apiId);
    if (!Number.isInteger(params.units) || params.units < 0) fail('units must be a whole number, 0 or more', 'units');
  };
  return request<BillingLogResult>(client, { method: 'POST', path: '/gateway/billing/log', body: params, check }, options);
}
