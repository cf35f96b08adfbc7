import { APIPromise, type Client, type RequestOptions, type Stream } from '@aerostack/core';
import { billingLog, type BillingLogParams, type BillingLogResult } from './billing-log';
import { chatCompletions } from './chat-completions';
import { chatCompletionsStream } from './chat-completions-stream';
import type { ChatCompletion, ChatCompletionChunk, ChatCompletionsParams } from './chat-types';
import type { ConsumerRequestOptions } from './consumer';
import type { PathStyle } from './routes';
import { getUsage, type UsageParams, type UsageResult } from './usage';
import { fail } from './validate';
import { getWallet, type WalletParams, type WalletResult } from './wallet';

export interface GatewayOptions {
  /** Bearer credential of the consumer calls: a consumer key (`ask_live_...`) or a user JWT. A call may override it. */
  consumerKey?: string | undefined;
  /** The default gateway API for calls that name none. */
  apiSlug?: string | undefined;
  /** `'v1'` (default) or `'host'`. */
  pathStyle?: PathStyle | undefined;
}

/** Params whose `apiSlug` may come from the facade. */
type SlugOptional<P extends { apiSlug: string }> = Omit<P, 'apiSlug'> & { apiSlug?: string | undefined };

/**
 * The gateway: `new Gateway(client, { consumerKey, apiSlug })`. `billingLog` uses the client's
 * API key; the consumer calls use `consumerKey` (or a call's own) and never the API key.
 */
export class Gateway {
  constructor(
    readonly client: Client,
    readonly options: GatewayOptions = {},
  ) {}

  billingLog(params: BillingLogParams, options?: RequestOptions): APIPromise<BillingLogResult> {
    return billingLog(this.client, params, options);
  }

  chatCompletions(params: SlugOptional<ChatCompletionsParams>, options?: ConsumerRequestOptions): APIPromise<ChatCompletion> {
    return this.#consumer(chatCompletions, params, options);
  }

  chatCompletionsStream(params: SlugOptional<ChatCompletionsParams>, options?: ConsumerRequestOptions): APIPromise<Stream<ChatCompletionChunk>> {
    return this.#consumer(chatCompletionsStream, params, options);
  }

  getWallet(params: SlugOptional<WalletParams> = {}, options?: ConsumerRequestOptions): APIPromise<WalletResult> {
    return this.#consumer(getWallet, params, options);
  }

  getUsage(params: SlugOptional<UsageParams> = {}, options?: ConsumerRequestOptions): APIPromise<UsageResult> {
    return this.#consumer(getUsage, params, options);
  }

  // A consumer call with the facade's defaults filled in. No slug anywhere is refused here, with a
  // message naming both places to set it (the functions leave an empty slug to the server).
  #consumer<P extends { apiSlug: string }, T>(
    call: (client: Client, params: P, options?: ConsumerRequestOptions) => APIPromise<T>,
    params: SlugOptional<P>,
    options: ConsumerRequestOptions = {},
  ): APIPromise<T> {
    const apiSlug = params.apiSlug ?? this.options.apiSlug;
    if (!apiSlug) {
      return new APIPromise<T>(Promise.resolve().then(() => fail('apiSlug is required (in the params, or new Gateway(client, { apiSlug }))', 'apiSlug')));
    }
    return call(this.client, { ...params, apiSlug } as P, {
      ...options,
      consumerKey: options.consumerKey ?? this.options.consumerKey,
      pathStyle: options.pathStyle ?? this.options.pathStyle,
    });
  }
}
