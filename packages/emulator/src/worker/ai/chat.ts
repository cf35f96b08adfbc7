// POST /ai/chat: a deterministic local responder (no model runs). The answer is
// `You said: <last user message>` (`The tool said: <content>` when a tool message came after it; the
// last message of any role if there is neither), so the same messages always give the same text.
// `stop` ends the text before the first stop string met (finish_reason `stop`); `max_tokens` (or
// `max_completion_tokens`) then cuts it to that many words (finish_reason `length`). `n` gives n
// choices: choice 0 is that answer, choice i adds ` (choice i+1)` so that no two are alike.
// `response_format` json_object answers `{"answer": <the text>}`, json_schema an object fitting the
// schema (sample-json.ts); JSON is never cut by stop or max tokens. A `tool_choice` that asks for a
// call (a named function, or `required`: the first tool) answers a call of that function with
// arguments fitting its `parameters` (finish_reason `tool_calls`). Tokens are whitespace-separated
// words: prompt_tokens counts the words of every message (and of its tool calls), completion_tokens
// those of every choice. `id` is a hash of the request. `stream: true` sends the text word by word
// as chat.completion.chunk frames, 5 ms apart; a call as OpenAI streams one: id and name first, then
// the arguments in pieces.
import type { Context } from 'hono';
import { readBody } from '../body';
import type { AppEnv, Env } from '../env';
import { parseChatRequest, type ChatRequest } from './chat-request';
import { sampleJson } from './sample-json';
import { forwardChat } from './upstream';

const CHUNK_DELAY_MS = 5;
/** Characters of a tool call's arguments per streamed delta. */
const ARGUMENTS_PIECE = 8;

/** One choice of the answer: text (`content`), or a call (`content` null). */
interface Answer {
  content: string | null;
  call?: { name: string; arguments: string };
  finish: 'stop' | 'length' | 'tool_calls';
}

/** What the responder reads of a message (the Smarter routes pass theirs too). */
type Said = { role: string; content: string };

const words = (text: string): string[] => text.split(/\s+/).filter(Boolean);
/** Text split before each word, the spacing kept with the word before. */
const pieces = (text: string): string[] => text.split(/(?<=\s)(?=\S)/).filter(Boolean);

async function hex(value: unknown, bytes: number): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(JSON.stringify(value))));
  return [...digest.slice(0, bytes)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

// A request with none of the newer fields hashes as it always did: the same id as before them.
async function hashId(req: ChatRequest): Promise<string> {
  const plain = req.n === 1 && !req.stop.length && !req.call && req.format.type === 'text';
  const extras = plain ? [] : [{ n: req.n, stop: req.stop, call: req.call?.name, format: req.format }];
  return `chatcmpl-${await hex([req.model, req.messages, ...extras], 12)}`;
}

/** The message the answer replies to: the last user or tool message (else the last message). */
function repliedTo(messages: Said[]): Said | undefined {
  return [...messages].reverse().find((m) => m.role === 'user' || m.role === 'tool') ?? messages[messages.length - 1];
}

/** The text cut before the earliest stop string in it (undefined: none is). */
function cutAtStop(text: string, stop: string[]): string | undefined {
  const at = Math.min(...stop.map((s) => text.indexOf(s)).filter((i) => i >= 0));
  return Number.isFinite(at) ? text.slice(0, at) : undefined;
}

/** The deterministic answer and why it ended. `choice` > 0 marks the text as another choice. */
export function answerOf(
  messages: Said[],
  maxTokens: number | undefined,
  stop: string[] = [],
  choice = 0,
): { text: string; finish: 'stop' | 'length' } {
  const last = repliedTo(messages);
  const said = last?.role === 'tool' ? 'The tool said' : 'You said';
  const whole = `${said}: ${last?.content.trim() ?? ''}`.trim() + (choice ? ` (choice ${choice + 1})` : '');
  const full = cutAtStop(whole, stop) ?? whole;
  if (maxTokens === undefined || words(full).length <= maxTokens) return { text: full, finish: 'stop' };
  // Keep the first maxTokens words (with their spacing).
  return { text: pieces(full).slice(0, maxTokens).join('').trimEnd(), finish: 'length' };
}

/** The `n` choices of the answer to `req`. */
function answersOf(req: ChatRequest): Answer[] {
  const userText = [...req.messages].reverse().find((m) => m.role === 'user')?.content.trim() ?? '';
  return Array.from({ length: req.n }, (_, i): Answer => {
    if (req.call) {
      const args = req.call.parameters === undefined ? {} : sampleJson(req.call.parameters, userText);
      return { content: null, call: { name: req.call.name, arguments: JSON.stringify(args) }, finish: 'tool_calls' };
    }
    if (req.format.type === 'text') {
      const { text, finish } = answerOf(req.messages, req.maxTokens, req.stop, i);
      return { content: text, finish };
    }
    const { text } = answerOf(req.messages, undefined, [], i);
    const schema = req.format.type === 'json_schema' ? req.format.schema : undefined;
    return { content: JSON.stringify(schema === undefined ? { answer: text } : sampleJson(schema, text)), finish: 'stop' };
  });
}

const callWords = (call: { name: string; arguments: string }): number => words(`${call.name} ${call.arguments}`).length;

export interface Usage {
  prompt_tokens: number;
  completion_tokens: number;
  total_tokens: number;
}

/** The token counts of the answer to `req` (whitespace-separated words), known before answering. */
export function usageOf(req: ChatRequest): Usage {
  const promptTokens = req.messages.reduce((n, m) => n + words(m.content).length + (m.toolCalls ?? []).reduce((k, c) => k + callWords(c), 0), 0);
  const completionTokens = answersOf(req).reduce((n, a) => n + (a.call ? callWords(a.call) : words(a.content ?? '').length), 0);
  return { prompt_tokens: promptTokens, completion_tokens: completionTokens, total_tokens: promptTokens + completionTokens };
}

export async function chat(c: Context<AppEnv>): Promise<Response> {
  return completionResponse(c, parseChatRequest(await readBody(c)));
}

type ToolCall = { id: string; type: 'function'; function: { name: string; arguments: string } };

/** The delta frames' choice parts of one answer, then its finish. */
function deltasOf(answer: Answer, index: number, call: ToolCall | undefined): unknown[] {
  const finish = { index, delta: {}, finish_reason: answer.finish };
  if (!call) {
    const text = pieces(answer.content ?? '').map((piece, i) => ({ index, delta: i === 0 ? { role: 'assistant', content: piece } : { content: piece }, finish_reason: null }));
    return [...text, finish];
  }
  const first = { index, delta: { role: 'assistant', content: null, tool_calls: [{ index: 0, id: call.id, type: 'function', function: { name: call.function.name, arguments: '' } }] }, finish_reason: null };
  const args = call.function.arguments.match(new RegExp(`[^]{1,${ARGUMENTS_PIECE}}`, 'g')) ?? [];
  return [first, ...args.map((piece) => ({ index, delta: { tool_calls: [{ index: 0, function: { arguments: piece } }] }, finish_reason: null })), finish];
}

/**
 * The completion of a checked request: one JSON body, or SSE chunks when `stream` is set — from the
 * deterministic responder, or from the OpenAI-compatible upstream when the launcher was given one.
 */
export async function completionResponse<E extends { Bindings: Env }>(c: Context<E>, req: ChatRequest): Promise<Response> {
  if (c.env.AI_UPSTREAM) return forwardChat(c.env.AI_UPSTREAM, req);
  const answers = answersOf(req);
  const usage = usageOf(req);
  const id = await hashId(req);
  const created = Math.floor(Date.now() / 1000);
  // Each choice's call gets its own id (`call_` + a hash of the completion and the choice).
  const calls = await Promise.all(
    answers.map(async (a, i): Promise<ToolCall | undefined> => a.call && { id: `call_${await hex([id, i], 12)}`, type: 'function', function: a.call }),
  );
  if (!req.stream) {
    return c.json({
      id,
      object: 'chat.completion',
      created,
      model: req.model,
      choices: answers.map((a, i) => {
        const call = calls[i];
        return { index: i, message: { role: 'assistant', content: a.content, ...(call && { tool_calls: [call] }) }, finish_reason: a.finish };
      }),
      usage,
    });
  }

  const base = { id, object: 'chat.completion.chunk', created, model: req.model };
  const frames: unknown[] = answers.flatMap((a, i) => deltasOf(a, i, calls[i]).map((choice) => ({ ...base, choices: [choice] })));
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
