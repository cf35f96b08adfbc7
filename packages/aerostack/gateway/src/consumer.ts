import { InvalidRequestError, type RequestOptions } from '@aerostack/core';
import type { PathStyle } from './routes';

/** Options of the consumer calls: the usual per-call options, plus who calls and where. */
export interface ConsumerRequestOptions extends RequestOptions {
  /**
   * Sent as `Authorization: Bearer <consumerKey>`: a consumer key (`ask_live_...`, `ask_test_...`)
   * or an end user's JWT. Not the project API key, which is never sent on these routes.
   */
  consumerKey?: string | undefined;
  /** `'v1'` (default) or `'host'`; see `PathStyle`. */
  pathStyle?: PathStyle | undefined;
}

/** The refusal of a consumer call made without a consumer key, or undefined when there is one. */
export function missingConsumerKey(options: ConsumerRequestOptions | undefined): InvalidRequestError | undefined {
  return options?.consumerKey
    ? undefined
    : new InvalidRequestError('Missing consumerKey: pass it to new Gateway(client, { consumerKey }) or in the call options', { code: 'MISSING_CONSUMER_KEY' });
}

// The options go to the core as they are: it reads only the fields it knows.
/** Request-spec auth of the consumer calls: the Bearer credential, and not the API key. */
export function consumerAuth(options: ConsumerRequestOptions | undefined): () => Record<string, string> {
  return () => ({ authorization: `Bearer ${options?.consumerKey ?? ''}` });
}

export const SLUG_HINT = ' (in the params, or new Gateway(client, { apiSlug }))';
