import { request } from '@aerostack/core';
import type { APIPromise, Client, RequestOptions } from '@aerostack/core';
import type { Body, Result } from './spec';
import { fail } from './validate';

export type InvokeParams = Body<'servicesInvoke'>;
/** `{ success, result }`; `R` types what the service returns (declared by the caller, not checked at run time). */
export type InvokeResult<R = Result<'servicesInvoke'>['result']> = Omit<Result<'servicesInvoke'>, 'result'> & { result: R };

/**
 * Calls one of the project's services by name with a JSON input:
 * `invoke<Receipt>(client, { serviceName: 'billing-webhook', data: { orderId } })`.
 */
export function invoke<R = Result<'servicesInvoke'>['result']>(client: Client, params: InvokeParams = {} as InvokeParams, options?: RequestOptions): APIPromise<InvokeResult<R>> {
  const { serviceName, data } = params;
  return request(
    client,
    {
      method: 'POST',
      path: '/services/invoke',
      body: params,
      check() {
        if (typeof serviceName !== 'string' || !serviceName) fail('serviceName: a non-empty string', 'serviceName');
        // `undefined` would vanish from the JSON body and the server would refuse the call.
        if (data === undefined) fail('data: a JSON value (null for none)', 'data');
      },
    },
    options,
  );
}
