import type { APIPromise, Client } from '@aerostack/core';
import { call } from './call';
import type { CallArgs, ParamsOf, ResponseOf, SlugOf, UntypedFunctions } from './function-types';

/**
 * A project's custom functions bound to one client and typed by its schema:
 * `new Functions<MyApis>(client).call('send-invoice', { orderId })`, the slug checked and
 * `data` and the answer typed from it.
 */
export class Functions<S = UntypedFunctions> {
  constructor(readonly client: Client) {}

  call<K extends SlugOf<S>>(slug: K, ...args: CallArgs<ParamsOf<S, K>>): APIPromise<ResponseOf<S, K>> {
    return call<S, K>(this.client, slug, ...args);
  }
}
