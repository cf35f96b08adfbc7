import type { APIPromise, Client } from '@aerostack/core';
import type { ChatCompletion, ChatCompletionsParams } from './chat-types';
import { checkChat } from './check-chat';
import { consumerAuth, missingConsumerKey, type ConsumerRequestOptions } from './consumer';
import { chatCompletionsPath } from './routes';
import { rejected } from './validate';

/**
 * A chat completion through a gateway API, as a consumer (`Authorization: Bearer <consumerKey>`).
 * A 429 (the consumer's rate limit or quota) is retried after `Retry-After`, then thrown as `RateLimitError`.
 */
export function chatCompletions(client: Client, params: ChatCompletionsParams, options?: ConsumerRequestOptions): APIPromise<ChatCompletion> {
  const bad = missingConsumerKey(options) ?? checkChat(params);
  if (bad) return rejected(bad);
  const { apiSlug, ...body } = params;
  return client.request<ChatCompletion>({ method: 'POST', path: chatCompletionsPath(client, apiSlug, options?.pathStyle), body, auth: consumerAuth(options) }, options);
}
