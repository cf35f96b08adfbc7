import type { APIPromise, Client, RequestOptions } from '@aerostack/core';
import { invoke, type InvokeParams, type InvokeResult } from './invoke';
import type { Result } from './spec';

/** The services operations bound to one client: `new Services(client).invoke({ serviceName, data })`. */
export class Services {
  constructor(readonly client: Client) {}

  invoke<R = Result<'servicesInvoke'>['result']>(params: InvokeParams, options?: RequestOptions): APIPromise<InvokeResult<R>> {
    return invoke<R>(this.client, params, options);
  }
}
