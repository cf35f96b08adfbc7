// POST /ai/chat: a deterministic local responder (no model runs). The answer is
// `You said: <last user message>` (the last message of any role if there is no user message), so
// the same messages always give the same text. `max_tokens` cuts the answer to that many words
// (finish_reason `length`). Tokens are whitespace-separated words: prompt_tokens counts the words of
// every message, completion_tokens those of the answer. `id` is a hash of (model, messages).
// `stream: true` sends the answer word by word as chat.completion.chunk frames, 5 ms apart.
import type { Context } from 'hono';
import { Checker, nested, readBody, type Json } from '../body';
import type { AppEnv, Env } from '../env';
import { forwardChat } from './upstream';

export const DEFAULT_MODEL = 'emulator/echo';
const ROLES = new Set(['system', 'user', 'assistant']);
const CHUNK_DELAY_MS = 5;

interface Message {
  role: string;
  content: string;
}

export interface ChatRequest {
  messages: Message[];
  model: string;
  stream: boolean;
  includeUsage: boolean;
  maxTokens: number | undefined;
  /** The request body as sent (checked), for an upstream. */
  body: Json;
}

const words = (text: string): string[] => text.split(/\s+/).filter(Boolean);

function numberIn(check: Checker, body: Json, field: string, min: number, max: number): void {
  const v = body[field];
  if (v === undefined) return;
  if (typeof v !== 'number' || !Number.isFinite(v)) check.fail(field, 'Expected number');
  else if (v < min || v > max) check.fail(field, `Must be between ${min} and ${max}`);
}

/** Reads and checks an OpenAI-style chat request (400 VALIDATION_ERROR listing every bad field). */
export function parseChatRequest(body: Json): ChatRequest {
  const check = new Checker(body);
  const items = check.array('messages', { required: true }) ?? [];
  if (!items.length && !check.errors.messages) check.fail('messages', 'At least 1 message');
  const messages = items.map((item, i) => {
    const m = nested(check, `messages[${i}]`, item);
    const role = m?.string('role', { required: true });
    if (role !== undefined && !ROLES.has(role)) m?.fail('role', 'Expected one of system, user, assistant');
    const content = m?.string('content', { required: true, nonEmpty: false });
    return { role: role ?? '', content: content ?? '' };
  });
  const model = check.string('model', { nonEmpty: true }) ?? DEFAULT_MODEL;
  const stream = body.stream;
  if (stream !== undefined && typeof stream !== 'boolean') check.fail('stream', 'Expected boolean');
  const options = body.stream_options;
  let includeUsage = false;
  if (options !== undefined && options !== null) {
    const o = nested(check, 'stream_options', options);
    const inc = (options as Json).include_usage;
    if (o && inc !== undefined && typeof inc !== 'boolean') o.fail('include_usage', 'Expected boolean');
    includeUsage = inc === true;
  }
  numberIn(check, body, 'temperature', 0, 2);
  numberIn(check, body, 'top_p', 0, 1);
  const maxTokens = check.int('max_tokens', { min: 1 });
  check.done();
  return { messages, model, stream: stream === true, includeUsage, maxTokens, body };
}

async function hashId(req: ChatRequest): Promise<string> {
  const data = new TextEncoder().encode(JSON.stringify([req.model, req.messages]));
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', data));
  return `chatcmpl-${[...digest.slice(0, 12)].map((b) => b.toString(16).padStart(2, '0')).join('')}`;
}

/** The deterministic answer and why it ended. */
export function answerOf(messages: Message[], maxTokens: number | undefined): { text: string; finish: 'stop' | 'length' } {
  const last = [...messages].reverse().find((m) => m.role === 'user') ?? messages[messages.length - 1];
  const full = `You said: ${last?.content.trim() ?? ''}`.trim();
  if (maxTokens === undefined || words(full).length <= maxTokens) return { text: full, finish: 'stop' };
  // Keep the first maxTokens words (with their spacing).
  const pieces = full.split(/(?<=\s)(?=\S)/);
  return { text: pieces.slice(0, maxTokens).join('').trimEnd(), finish: 'length' };
}

export interface Usage {
  prompt_tokens: number;
  completion_tokens: number;
  total_tokens: number;
}

/** The token counts of the answer to `req` (whitespace-separated words), known before answering. */
export function usageOf(req: ChatRequest): Usage {
  const promptTokens = req.messages.reduce((n, m) => n + words(m.content).length, 0);
  const completionTokens = words(answerOf(req.messages, req.maxTokens).text).length;
  return { prompt_tokens: promptTokens, completion_tokens: completionTokens, total_tokens: promptTokens + completionTokens };
}

export async function chat(c: Context<AppEnv>): Promise<Response> {
  return completionResponse(c, parseChatRequest(await readBody(c)));
}

/**
 * The completion of a checked request: one JSON body, or SSE chunks when `stream` is set — from the
 * deterministic responder, or from the OpenAI-compatible upstream when the launcher was given one.
 */
export async function completionResponse<E extends { Bindings: Env }>(c: Context<E>, req: ChatRequest): Promise<Response> {
  if (c.env.AI_UPSTREAM) return forwardChat(c.env.AI_UPSTREAM, req);
  const { text, finish } = answerOf(req.messages, req.maxTokens);
  const usage = usageOf(req);
  const id = await hashId(req);
  const created = Math.floor(Date.now() / 1000);
  if (!req.stream) {
    return c.json({
      id,
      object: 'chat.completion',
      created,
      model: req.model,
      choices: [{ index: 0, message: { role: 'assistant', content: text }, finish_reason: finish }],
      usage,
    });
  }

  const base = { id, object: 'chat.completion.chunk', created, model: req.model };
  const frames: unknown[] = text
    .split(/(?<=\s)(?=\S)/)
    .filter(Boolean)
    .map((piece, i) => ({ ...base, choices: [{ index: 0, delta: i === 0 ? { role: 'assistant', content: piece } : { content: piece }, finish_reason: null }] }));
  frames.push({ ...base, choices: [{ index: 0, delta: {}, finish_reason: finish }] });
  if (req.includeUsage) frames.push({ ...base, choices: [], usage });

  const encoder = new TextEncoder();
  const { readable, writable } = new TransformStream<Uint8Array, Uint8Array>();
  const writer = writable.getWriter();
  const send = async () => {
    for (const frame of frames) {
      await writer.write(encoder.encode(`data: ${JSON.stringify(frame)}\n\n`));
      await new Promise((resolve) => setTimeout(resolve, CHUNK_DELAY_MS));
    }
    await writer.write(encoder.encode('data: [DONE]\n\n'));
    await writer.close();
  };
  // A client that goes away (break) cancels the readable side: the next write rejects and we stop.
  c.executionCtx.waitUntil(send().catch(() => writer.abort().catch(() => undefined)));
  return new Response(readable, { headers: { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache' } });
}
