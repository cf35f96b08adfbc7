import { streamRequest, type APIPromise, type Client, type RequestOptions, type Stream } from '@aerostack/core';
import type { ChatParams } from './chat-params';
import type { Schemas } from './spec';

export type ChatCompletionChunk = Schemas['ChatCompletionChunk'];

export type ChatStreamParams = ChatParams & {
  /** Ask for a last chunk carrying `usage` (token counts), before the stream ends. */
  includeUsage?: boolean | undefined;
};

/**
 * A streamed chat completion. Awaiting it gives the stream once the headers are in (an error
 * status is thrown here); iterate it for chunks, `break` to stop generating and close the connection.
 */
export function chatStream(client: Client, params: ChatStreamParams = {} as ChatStreamParams, options?: RequestOptions): APIPromise<Stream<ChatCompletionChunk>> {
  const { includeUsage, ...rest } = params;
  const body = { ...rest, stream: true, stream_options: includeUsage ? { include_usage: true } : undefined };
  return streamRequest<ChatCompletionChunk>(client, { method: 'POST', path: '/ai/chat', body }, options);
}
