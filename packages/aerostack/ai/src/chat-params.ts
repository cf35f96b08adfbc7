import { inRange, invalid } from './invalid';
import type { Body, Schemas } from './spec';

export type ChatMessage = Schemas['ChatMessage'];
/** A chat request: `messages` plus optional `model`, `temperature` (0–2), `max_tokens` (≥ 1), `top_p` (0–1). */
export type ChatParams = Omit<Body<'aiChat'>, 'stream' | 'stream_options'>;

/** Catches what the server would refuse, before sending. */
export function checkChat(params: ChatParams): void {
  const { messages, temperature, top_p, max_tokens } = params;
  if (!Array.isArray(messages) || !messages.length) invalid('messages', 'a non-empty array of { role, content }', messages);
  messages.forEach((m: Partial<ChatMessage> | null, i) => {
    if (!/^(system|user|assistant)$/.test(m?.role as string) || typeof m?.content != 'string') {
      invalid(`messages[${i}]`, '{ role: "system" | "user" | "assistant", content: string }', m);
    }
  });
  if (!inRange(temperature, 0, 2)) invalid('temperature', 'a number from 0 to 2', temperature);
  if (!inRange(top_p, 0, 1)) invalid('top_p', 'a number from 0 to 1', top_p);
  if (!inRange(max_tokens, 1, Infinity, true)) invalid('max_tokens', 'an integer ≥ 1', max_tokens);
}
