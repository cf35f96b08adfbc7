// The `messages` of a chat request, checked in OpenAI's shapes: five roles; `content` a string or
// parts (text; image_url for a user); an assistant's `content` may be null when it has `tool_calls`;
// a `tool` message needs the `tool_call_id` of a call an earlier assistant message made. Each message
// is read down to its text (parts joined, images left out), which is all the responder reads.
import { nested, type Checker, type Json } from '../body';

export const ROLES = ['system', 'developer', 'user', 'assistant', 'tool'] as const;
export type Role = (typeof ROLES)[number];

export interface ToolCallOf {
  id: string;
  name: string;
  arguments: string;
}

export interface Message {
  role: Role;
  /** The text: the string, or the text parts joined. Empty for null content. */
  content: string;
  /** An assistant's tool calls. */
  toolCalls?: ToolCallOf[];
  /** A tool message's answer to. */
  toolCallId?: string;
}

const isRole = (value: unknown): value is Role => typeof value === 'string' && (ROLES as readonly string[]).includes(value);
const isObject = (value: unknown): value is Json => !!value && typeof value === 'object' && !Array.isArray(value);

/** The text of `content` (a string or parts); parts other than text are checked and left out. */
function contentText(m: Checker, value: unknown, role: Role): string | undefined {
  if (typeof value === 'string') return value;
  const images = role === 'user';
  const expected = images ? 'Expected a string or a non-empty array of text and image_url parts' : 'Expected a string or a non-empty array of text parts';
  if (!Array.isArray(value) || (!value.length && role !== 'assistant')) return m.fail('content', expected);
  let text = '';
  value.forEach((part: unknown, i) => {
    const at = `content[${i}]`;
    if (!isObject(part)) return m.fail(at, 'Expected object');
    if (part.type === 'text') {
      if (typeof part.text !== 'string') return m.fail(`${at}.text`, 'Expected string');
      text += part.text;
    } else if (part.type === 'image_url' && images) {
      const url = isObject(part.image_url) ? part.image_url.url : undefined;
      if (typeof url !== 'string' || !url) return m.fail(`${at}.image_url.url`, 'Expected a non-empty string');
    } else m.fail(`${at}.type`, images ? 'Expected one of text, image_url' : 'Expected text');
    return undefined;
  });
  return text;
}

function toolCalls(m: Checker, value: unknown): ToolCallOf[] | undefined {
  if (!Array.isArray(value) || !value.length) return m.fail('tool_calls', 'Expected a non-empty array');
  return value.map((item: unknown, i) => {
    const call = nested(m, `tool_calls[${i}]`, item);
    const fn = call && nested(call, 'function', (item as Json).function);
    const id = call?.string('id', { required: true });
    if (call && (item as Json).type !== 'function') call.fail('type', 'Expected function');
    const name = fn?.string('name', { required: true });
    const args = fn?.string('arguments', { required: true, nonEmpty: false });
    return { id: id ?? '', name: name ?? '', arguments: args ?? '' };
  });
}

/** Reads `messages`, recording each problem as `messages[i].field`. */
export function readMessages(check: Checker): Message[] {
  const items = check.array('messages', { required: true }) ?? [];
  if (!items.length && !check.errors.messages) check.fail('messages', 'At least 1 message');
  const calls = new Set<string>();
  return items.map((item, i) => {
    const m = nested(check, `messages[${i}]`, item);
    if (!m) return { role: 'user', content: '' };
    const body = item as Json;
    const role = body.role;
    if (!isRole(role)) {
      m.fail('role', role === undefined ? 'Required' : `Expected one of ${ROLES.join(', ')}`);
      if (body.content === undefined) m.fail('content', 'Required');
      else contentText(m, body.content, 'user'); // its problems too, in one answer
      return { role: 'user', content: '' };
    }
    if (role === 'assistant') {
      const made = body.tool_calls === undefined ? undefined : toolCalls(m, body.tool_calls);
      made?.forEach((call) => calls.add(call.id));
      const empty = body.content === undefined || body.content === null;
      if (empty && !made) m.fail('content', 'Required (null only with tool_calls)');
      const content = empty ? '' : contentText(m, body.content, role);
      return { role, content: content ?? '', ...(made && { toolCalls: made }) };
    }
    const content = body.content === undefined ? m.fail('content', 'Required') : contentText(m, body.content, role);
    if (role !== 'tool') return { role, content: content ?? '' };
    const id = m.string('tool_call_id', { required: true });
    if (id !== undefined && !calls.has(id)) m.fail('tool_call_id', `No earlier assistant message has a tool call with id ${JSON.stringify(id)}`);
    return { role, content: content ?? '', toolCallId: id ?? '' };
  });
}
