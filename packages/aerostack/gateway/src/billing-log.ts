import type { APIPromise, Client, RequestOptions } from '@aerostack/core';
import type { Body, Result } from './spec';
import { invalidField, rejected, requireText } from './validate';

export type BillingLogParams = Body<'gatewayBillingLog'>;
export type BillingLogResult = Result<'gatewayBillingLog'>;

/** Records units a consumer used, for billing. Sent with the developer's API key (`X-Aerostack-Key`). */
export function billingLog(client: Client, params: BillingLogParams, options?: RequestOptions): APIPromise<BillingLogResult> {
  const bad =
    requireText('consumerId', params.consumerId) ??
    requireText('apiId', params.apiId) ??
    (Number.isInteger(params.units) && params.units >= 0 ? undefined : invalidField('units', 'units must be a whole number, 0 or more'));
  if (bad) return rejected(bad);
  return client.post<BillingLogResult>('/gateway/billing/log', params, options);
}
