import { request } from '@aerostack/core';
import type { APIPromise, Client } from '@aerostack/core';
import type { ChatCompletion, ChatCompletionsParams } from './chat-types';
import { consumerAuth, type ConsumerRequestOptions } from './consumer';
import { chatCompletionsPath } from './routes';

/**
 * A chat completion through a gateway API, as a consumer (`Authorization: Bearer <consumerKey>`).
 * A 429 for the consumer's rate limit is retried after `Retry-After`, then thrown as `RateLimitError`; a spent wallet
 * (`QUOTA_EXCEEDED`) is thrown at once.
 */
export function chatCompletions(client: Client, params: ChatCompletionsParams = {} as ChatCompletionsParams, options?: ConsumerRequestOptions): APIPromise<ChatCompletion> {
  const { apiSlug, ...body } = params;
  return request<ChatCompletion>(client, { method: 'POST', path: chatCompletionsPath(client, apiSlug, options), body, auth: consumerAuth(options) }, options);
}
