// POST responses/ (documented contract): an OpenAI Responses-style object from the deterministic
// responder. `input` is a string (one user message) or message items; `instructions` leads as a
// system message. A `json_object` format (`text.format` wins over the README's `response_format`)
// makes the output JSON: `{"answer": "<the text>"}`. `max_output_tokens` cuts the text (then status
// `incomplete`; never in JSON mode, where a cut would break the JSON). `stream: true` is a 400, as on
// chat/completions/.
import type { Context } from 'hono';
import { answerOf } from '../../worker/ai/chat';
import type { SmarterAppEnv } from '../env';
import type { Json } from '../envelope';
import { Fields, isObject, jsonObject } from './body';

const ROLES = ['user', 'assistant', 'system', 'developer'];
const FORMATS = ['text', 'json_object'];
const words = (text: string): number => text.split(/\s+/).filter(Boolean).length;

function formatOf(f: Fields, field: string, value: unknown): 'text' | 'json_object' | undefined {
  if (value === undefined || value === null) return undefined;
  const type = isObject(value) ? value.type : undefined;
  if (typeof type !== 'string' || !FORMATS.includes(type)) return f.fail(`${field}.type`, `one of ${FORMATS.join(', ')}`);
  return type as 'text' | 'json_object';
}

async function hash(prefix: string, value: unknown): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(JSON.stringify(value))));
  return `${prefix}${[...digest.slice(0, 16)].map((b) => b.toString(16).padStart(2, '0')).join('')}`;
}

export async function createResponse(c: Context<SmarterAppEnv>): Promise<Response> {
  const body = await jsonObject(c, 'responses');
  const f = new Fields(body, 'responses');
  const model = f.string('model', true) ?? '';
  const instructions = f.string('instructions');
  const messages: { role: string; content: string }[] = [];
  const { input } = body;
  if (typeof input === 'string' && input) messages.push({ role: 'user', content: input });
  else if (Array.isArray(input) && input.length) {
    input.forEach((item, i) => {
      const role = isObject(item) ? item.role : undefined;
      const content = isObject(item) ? item.content : undefined;
      const text = typeof content === 'string' ? content : Array.isArray(content) && content.every((p) => isObject(p) && typeof p.text === 'string') ? content.map((p) => (p as Json).text as string).join('') : undefined;
      if (typeof role !== 'string' || !ROLES.includes(role)) f.fail(`input[${i}].role`, `one of ${ROLES.join(', ')}`);
      else if (text === undefined) f.fail(`input[${i}].content`, 'a string or a list of {type, text} parts');
      else messages.push({ role: role === 'developer' ? 'system' : role, content: text });
    });
  } else f.fail('input', 'a non-empty string or list of message items');
  const temperature = f.number('temperature', 0, 2);
  const maxOutput = f.number('max_output_tokens', 1, Number.MAX_SAFE_INTEGER, true);
  if (body.text !== undefined && !isObject(body.text)) f.fail('text', 'expected an object');
  const format = formatOf(f, 'text.format', isObject(body.text) ? body.text.format : undefined) ?? formatOf(f, 'response_format', body.response_format) ?? 'text';
  const metadata = body.metadata;
  if (metadata !== undefined && !(isObject(metadata) && Object.values(metadata).every((v) => typeof v === 'string'))) f.fail('metadata', 'a map of strings');
  // As chat/completions: the documented contract offers no streaming (the platform has no responses route at all).
  if (body.stream === true) f.fail('stream', 'streaming is not offered; leave it out');
  f.done();

  const said = [...(instructions ? [{ role: 'system', content: instructions }] : []), ...messages];
  const json = format === 'json_object';
  const answer = answerOf(said, json ? undefined : maxOutput);
  const text = json ? JSON.stringify({ answer: answer.text }) : answer.text;
  const inputTokens = said.reduce((n, m) => n + words(m.content), 0);
  const id = await hash('resp_', [model, said, format]);
  return c.json({
    id,
    object: 'response',
    created_at: Math.floor(Date.now() / 1000),
    model,
    status: answer.finish === 'length' ? 'incomplete' : 'completed',
    output: [{ type: 'message', id: id.replace(/^resp_/, 'msg_'), status: answer.finish === 'length' ? 'incomplete' : 'completed', role: 'assistant', content: [{ type: 'output_text', text, annotations: [] }] }],
    output_text: text,
    instructions: instructions ?? null,
    temperature: temperature ?? null,
    max_output_tokens: maxOutput ?? null,
    text: { format: { type: format } },
    error: null,
    usage: { input_tokens: inputTokens, output_tokens: words(text), total_tokens: inputTokens + words(text) },
    metadata: (metadata as Record<string, string> | undefined) ?? {},
  });
}
