import type { APIPromise, Client, RequestOptions, Stream } from '@aerostack/core';
import { billingLog, type BillingLogParams, type BillingLogResult } from './billing-log';
import { chatCompletions } from './chat-completions';
import { chatCompletionsStream } from './chat-completions-stream';
import type { ChatCompletion, ChatCompletionChunk, ChatCompletionsParams } from './chat-types';
import type { ConsumerRequestOptions } from './consumer';
import type { PathStyle } from './routes';
import { getUsage, type UsageParams, type UsageResult } from './usage';
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
    return chatCompletions(this.client, this.#params(params), this.#options(options));
  }

  chatCompletionsStream(params: SlugOptional<ChatCompletionsParams>, options?: ConsumerRequestOptions): APIPromise<Stream<ChatCompletionChunk>> {
    return chatCompletionsStream(this.client, this.#params(params), this.#options(options));
  }

  getWallet(params: SlugOptional<WalletParams> = {}, options?: ConsumerRequestOptions): APIPromise<WalletResult> {
    return getWallet(this.client, this.#params(params), this.#options(options));
  }

  getUsage(params: SlugOptional<UsageParams> = {}, options?: ConsumerRequestOptions): APIPromise<UsageResult> {
    return getUsage(this.client, this.#params(params), this.#options(options));
  }

  // An empty slug is refused by the function, with a message naming both places to set it.
  #params<P>(params: P & { apiSlug?: string | undefined }): P & { apiSlug: string } {
    return { ...params, apiSlug: params.apiSlug ?? this.options.apiSlug ?? '' };
  }

  #options(options: ConsumerRequestOptions = {}): ConsumerRequestOptions {
    return { ...options, consumerKey: options.consumerKey ?? this.options.consumerKey, pathStyle: options.pathStyle ?? this.options.pathStyle };
  }
}
