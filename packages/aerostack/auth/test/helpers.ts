import { AerostackClient, type ClientOptions } from '@aerostack/core';
export { json, rejection, scriptedFetch, type Reply, type SentRequest } from '@aerostack-internal/test-utils/fetch';
import type { scriptedFetch, SentRequest } from '@aerostack-internal/test-utils/fetch';

export const API_KEY = 'ac_secret_test';

/** A client with a key (so tests can prove it is NOT sent where it must not be) and a scripted fetch. */
export function clientWith(fetch: ReturnType<typeof scriptedFetch>, options: ClientOptions = {}): AerostackClient {
  return new AerostackClient({ apiKey: API_KEY, fetch, maxRetries: 0, ...options });
}

/** The body sent, parsed. */
export const sentJSON = (req: SentRequest | undefined): unknown => (req?.body === undefined ? undefined : JSON.parse(req.body));
