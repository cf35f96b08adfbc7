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

// The options go to the core as they are: it reads only the fields it knows.
/**
 * Request-spec auth of the consumer calls: the Bearer credential, and not the API key. The core
 * calls it before sending, so a call without a consumer key is refused there, with nothing sent.
 */
export function consumerAuth(options: ConsumerRequestOptions | undefined): () => Record<string, string> {
  return () => {
    const key = options?.consumerKey;
    if (!key) throw new InvalidRequestError('Missing consumerKey: pass { consumerKey }', { code: 'MISSING_CONSUMER_KEY' });
    return { authorization: 'Bearer ' + key };
  };
}
