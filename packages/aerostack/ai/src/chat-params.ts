import type { Body } from './spec';

/**
 * A chat request: `messages` plus optional `model`, `temperature` (0–2), `max_tokens` (≥ 1), `top_p` (0–1), and
 * OpenAI's `tools`, `tool_choice`, `response_format`, `n`, `max_completion_tokens`, `stop`, `seed`, `user`, `metadata`.
 * Sent as given: the server checks them and answers a 400 (a `BadRequestError`, code `VALIDATION_ERROR`).
 */
export type ChatParams = Omit<Body<'aiChat'>, 'stream' | 'stream_options'>;
