import { streamRequest, type APIPromise, type Client, type Stream } from '@aerostack/core';
import type { ChatCompletionChunk, ChatCompletionsParams } from './chat-types';
import { checkChat } from './check-chat';
import { consumerAuth, missingConsumerKey, type ConsumerRequestOptions } from './consumer';
import { chatCompletionsPath } from './routes';
import { rejected } from './validate';

/**
 * The same chat, streamed: resolves once the headers are in to a `Stream` of chunks (an error
 * status is thrown here, before iterating). Pass `stream_options: { include_usage: true }` for a
 * last chunk with `usage`.
 */
export function chatCompletionsStream(
  client: Client,
  params: ChatCompletionsParams,
  options?: ConsumerRequestOptions,
): APIPromise<Stream<ChatCompletionChunk>> {
  const bad = missingConsumerKey(options) ?? checkChat(params);
  if (bad) return rejected(bad);
  const { apiSlug, ...body } = params;
  return streamRequest<ChatCompletionChunk>(
    client,
    { method: 'POST', path: chatCompletionsPath(client, apiSlug, options?.pathStyle), body: { ...body, stream: true }, auth: consumerAuth(options) },
    options,
  );
}
