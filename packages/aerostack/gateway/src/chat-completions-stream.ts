import { streamRequest, type APIPromise, type Client, type Stream } from '@aerostack/core';
import type { ChatCompletionChunk, ChatCompletionsParams } from './chat-types';
import { consumerAuth, type ConsumerRequestOptions } from './consumer';
import { chatCompletionsPath } from './routes';

/**
 * The same chat, streamed: resolves once the headers are in to a `Stream` of chunks (an error
 * status is thrown here, before iterating). Pass `stream_options: { include_usage: true }` for a
 * last chunk with `usage`.
 */
export function chatCompletionsStream(
  client: Client,
  params: ChatCompletionsParams = {} as ChatCompletionsParams,
  options?: ConsumerRequestOptions,
): APIPromise<Stream<ChatCompletionChunk>> {
  const { apiSlug, ...body } = params;
  return streamRequest<ChatCompletionChunk>(
    client,
    { method: 'POST', path: chatCompletionsPath(client, apiSlug, options), body: { ...body, stream: true }, auth: consumerAuth(options) },
    options,
  );
}
