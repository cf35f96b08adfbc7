import { mapResult, request, type APIPromise, type Client, type RequestOptions } from '@aerostack/core';
import type { ChatParams } from './chat-params';
import type { Schemas } from './spec';

export type ChatCompletionResponse = Schemas['ChatCompletionResponse'];

/**
 * A chat completion: `chat(client, { messages: [{ role: 'user', content: 'Hi' }] })`. The OpenAI
 * shape, also from a server that answers the older `{ response: "..." }` (spec 1.0.0): its text
 * becomes the one assistant choice.
 */
export function chat(client: Client, params: ChatParams = {} as ChatParams, options?: RequestOptions): APIPromise<ChatCompletionResponse> {
  return mapResult(request<ChatCompletionResponse | null>(client, { method: 'POST', path: '/ai/chat', body: params }, options), ({ data: b }) =>
    b && !Array.isArray(b.choices) && typeof b.response == 'string'
      ? { ...b, choices: [{ index: 0, message: { role: 'assistant' as const, content: b.response } }] }
      : (b as ChatCompletionResponse),
  );
}
