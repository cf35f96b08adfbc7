// An OpenAI-style chat request, read and checked: a 400 VALIDATION_ERROR lists every bad field
// (`messages[2].tool_call_id`, `tool_choice.function.name`, ...). Fields the responder has no use
// for (`seed`, `user`, `metadata`, `temperature`, `top_p`) are checked and otherwise ignored.
import { Checker, nested, type Json } from '../body';
import { readMessages, type Message } from './chat-messages';

export const DEFAULT_MODEL = 'emulator/echo';
const MAX_CHOICES = 128;
const MAX_STOPS = 4;
const NAME = /^[A-Za-z0-9_-]{1,64}$/;
const MAX_METADATA = 16;

export interface Tool {
  name: string;
  /** The JSON Schema of its arguments (undefined: none). */
  parameters: unknown;
}

/** What the answer is: text, a JSON object (fitting `schema` when given), or a call of one function. */
export type Format = { type: 'text' } | { type: 'json_object' } | { type: 'json_schema'; schema: unknown };

export interface ChatRequest {
  messages: Message[];
  model: string;
  stream: boolean;
  includeUsage: boolean;
  /** `max_completion_tokens`, else `max_tokens`. */
  maxTokens: number | undefined;
  /** How many choices. */
  n: number;
  /** The answer ends before the first of these. */
  stop: string[];
  /** The function `tool_choice` asks for (`required`: the first of `tools`); undefined: answer in text. */
  call: Tool | undefined;
  format: Format;
  /** The request body as sent (checked), for an upstream. */
  body: Json;
}

const isObject = (value: unknown): value is Json => !!value && typeof value === 'object' && !Array.isArray(value);

function numberIn(check: Checker, body: Json, field: string, min: number, max: number): void {
  const v = body[field];
  if (v === undefined) return;
  if (typeof v !== 'number' || !Number.isFinite(v)) check.fail(field, 'Expected number');
  else if (v < min || v > max) check.fail(field, `Must be between ${min} and ${max}`);
}

function readStop(check: Checker, value: unknown): string[] {
  if (value === undefined || value === null) return [];
  if (typeof value === 'string') return value ? [value] : [];
  if (!Array.isArray(value) || value.length > MAX_STOPS || !value.every((s) => typeof s === 'string')) {
    check.fail('stop', `Expected a string or an array of at most ${MAX_STOPS} strings`);
    return [];
  }
  return value.filter(Boolean);
}

function readTools(check: Checker): Tool[] {
  const items = check.array('tools') ?? [];
  const names = new Set<string>();
  return items.map((item, i) => {
    const t = nested(check, `tools[${i}]`, item);
    if (!t) return { name: '', parameters: undefined };
    if ((item as Json).type !== 'function') t.fail('type', 'Expected function');
    const fn = nested(t, 'function', (item as Json).function);
    const name = fn?.string('name', { required: true });
    if (name !== undefined && !NAME.test(name)) fn?.fail('name', 'Expected 1 to 64 letters, digits, _ or -');
    else if (name !== undefined && names.has(name)) fn?.fail('name', `Another tool is also named ${name}`);
    if (name !== undefined) names.add(name);
    fn?.string('description', { nonEmpty: false });
    const parameters = ((item as Json).function as Json | undefined)?.parameters;
    if (parameters !== undefined && !isObject(parameters)) fn?.fail('parameters', 'Expected a JSON Schema object');
    return { name: name ?? '', parameters };
  });
}

function readToolChoice(check: Checker, value: unknown, tools: Tool[]): Tool | undefined {
  if (value === undefined || value === null || value === 'none' || value === 'auto') return undefined;
  if (value === 'required') {
    if (!tools.length) check.fail('tool_choice', 'required needs tools');
    return tools[0];
  }
  if (!isObject(value)) return check.fail('tool_choice', "Expected 'none', 'auto', 'required' or { type: 'function', function: { name } }");
  const c = new Checker(value, check.errors, 'tool_choice.');
  if (value.type !== 'function') c.fail('type', 'Expected function');
  const fn = nested(c, 'function', value.function);
  const name = fn?.string('name', { required: true });
  const tool = tools.find((t) => t.name === name);
  if (name !== undefined && !tool) fn?.fail('name', tools.length ? `No tool is named ${name} (tools: ${tools.map((t) => t.name).join(', ')})` : `No tool is named ${name}: tools is empty`);
  return tool;
}

function readFormat(check: Checker, value: unknown): Format {
  if (value === undefined || value === null) return { type: 'text' };
  const f = nested(check, 'response_format', value);
  const type = isObject(value) ? value.type : undefined;
  if (type === 'text' || type === 'json_object') return { type };
  if (type !== 'json_schema') {
    f?.fail('type', 'Expected one of text, json_object, json_schema');
    return { type: 'text' };
  }
  const js = f && nested(f, 'json_schema', (value as Json).json_schema);
  const name = js?.string('name', { required: true });
  if (name !== undefined && !NAME.test(name)) js?.fail('name', 'Expected 1 to 64 letters, digits, _ or -');
  const schema = ((value as Json).json_schema as Json | undefined)?.schema;
  if (schema !== undefined && !isObject(schema)) js?.fail('schema', 'Expected a JSON Schema object');
  return { type: 'json_schema', schema };
}

function readMetadata(check: Checker, value: unknown): void {
  if (value === undefined || value === null) return;
  if (!isObject(value)) {
    check.fail('metadata', 'Expected an object of strings');
    return;
  }
  const entries = Object.entries(value);
  if (entries.length > MAX_METADATA) check.fail('metadata', `At most ${MAX_METADATA} keys, got ${entries.length}`);
  for (const [key, v] of entries) {
    if (typeof v !== 'string') check.fail(`metadata.${key}`, 'Expected string');
    else if (key.length > 64 || v.length > 512) check.fail(`metadata.${key}`, 'Keys are at most 64 characters, values 512');
  }
}

/** Reads and checks an OpenAI-style chat request (400 VALIDATION_ERROR listing every bad field). */
export function parseChatRequest(body: Json): ChatRequest {
  const check = new Checker(body);
  const messages = readMessages(check);
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
  const maxTokens = check.int('max_completion_tokens', { min: 1 }) ?? check.int('max_tokens', { min: 1 });
  const n = check.int('n', { min: 1, max: MAX_CHOICES }) ?? 1;
  const stop = readStop(check, body.stop);
  check.int('seed');
  check.string('user', { nonEmpty: false });
  readMetadata(check, body.metadata);
  const tools = readTools(check);
  const call = readToolChoice(check, body.tool_choice, tools);
  const format = readFormat(check, body.response_format);
  check.done();
  return { messages, model, stream: stream === true, includeUsage, maxTokens, n, stop, call, format, body };
}
