// OpenAI Chat Completions over the deterministic responder (the Aerostack worker's `answerOf`):
// shared by the v0.14 passthrough and the documented `chat/completions/` route. Streaming is not
// offered on either (specs/smarter.yaml), so `stream: true` is a 400.
import type { Context } from 'hono';
import { answerOf } from '../../worker/ai/chat';
import type { Json } from '../envelope';
import { Fields, isObject, jsonObject, textOf } from './body';

const ROLES = ['system', 'developer', 'user', 'assistant', 'tool'];
const words = (text: string): number => text.split(/\s+/).filter(Boolean).length;

export interface CompletionRequest {
  model: string;
  messages: { role: string; content: string }[];
  maxTokens: number | undefined;
  n: number;
}

export async function readCompletionRequest(c: Context, command: string): Promise<CompletionRequest> {
  const body = await jsonObject(c, command);
  const f = new Fields(body, command);
  const model = f.string('model', true);
  const raw = body.messages;
  const messages: { role: string; content: string }[] = [];
  if (!Array.isArray(raw) || !raw.length) f.fail('messages', 'a non-empty list of messages');
  else {
    raw.forEach((m, i) => {
      const role = isObject(m) ? m.role : undefined;
      const content = isObject(m) ? textOf(m.content) : undefined;
      if (typeof role !== 'string' || !ROLES.includes(role)) f.fail(`messages[${i}].role`, `one of ${ROLES.join(', ')}`);
      else if (content === undefined && !(isObject(m) && Array.isArray(m.tool_calls))) f.fail(`messages[${i}].content`, 'a string, a list of content parts or null');
      else messages.push({ role, content: content ?? '' });
    });
  }
  f.number('temperature', 0, 2);
  f.number('top_p', 0, 1);
  const maxTokens = f.number('max_completion_tokens', 1, Number.MAX_SAFE_INTEGER, true) ?? f.number('max_tokens', 1, Number.MAX_SAFE_INTEGER, true);
  const n = f.number('n', 1, 8, true) ?? 1;
  if (body.stream === true) f.fail('stream', 'streaming is not offered; leave it out');
  f.done();
  return { model: model ?? '', messages, maxTokens, n };
}

async function completionId(req: CompletionRequest): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(JSON.stringify([req.model, req.messages]))));
  return `chatcmpl-${[...digest.slice(0, 12)].map((b) => b.toString(16).padStart(2, '0')).join('')}`;
}

/** The `chat.completion` answering the request: the same messages always give the same text. */
export async function completionOf(req: CompletionRequest): Promise<Json> {
  // The responder knows system, user and assistant; a developer message is a system one.
  const said = req.messages.filter((m) => m.role !== 'tool').map((m) => ({ role: m.role === 'developer' ? 'system' : m.role, content: m.content }));
  const { text, finish } = answerOf(said, req.maxTokens);
  const promptTokens = req.messages.reduce((n, m) => n + words(m.content), 0);
  const choice = (index: number) => ({ index, message: { role: 'assistant', content: text, refusal: null }, finish_reason: finish, logprobs: null });
  return {
    id: await completionId(req),
    object: 'chat.completion',
    created: Math.floor(Date.now() / 1000),
    model: req.model,
    choices: Array.from({ length: req.n }, (_, i) => choice(i)),
    usage: { prompt_tokens: promptTokens, completion_tokens: words(text) * req.n, total_tokens: promptTokens + words(text) * req.n },
    service_tier: 'default',
    system_fingerprint: 'fp_emulator',
  };
}
