import { mapResult, type APIPromise, type Client, type RequestOptions } from '@aerostack/core';
import { checkChat, type ChatParams } from './chat-params';
import type { Schemas } from './spec';

export type ChatCompletionResponse = Schemas['ChatCompletionResponse'];

/**
 * The OpenAI shape, also from a server that answers the older `{ response: "..." }` (spec 1.0.0):
 * its text becomes the one assistant choice.
 */
function normalise(body: unknown): ChatCompletionResponse {
  const b = body as ChatCompletionResponse | null;
  if (b && !Array.isArray(b.choices) && typeof b.response === 'string') {
    return { ...b, choices: [{ index: 0, message: { role: 'assistant', content: b.response } }] };
  }
  return b as ChatCompletionResponse;
}

/** A chat completion: `chat(client, { messages: [{ role: 'user', content: 'Hi' }] })`. */
export function chat(client: Client, params: ChatParams, options?: RequestOptions): APIPromise<ChatCompletionResponse> {
  checkChat(params);
  return mapResult(client.post('/ai/chat', params, options), (r) => normalise(r.data));
}
