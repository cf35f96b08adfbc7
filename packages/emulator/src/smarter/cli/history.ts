// The history kinds over the chat sessions: Chat (v0.13) / Prompt (v0.14) is one session (named by
// its session key), ChatHistory one message; ChatToolCall and ChatPluginUsage are always empty
// (the emulator's chatbots call no tools or plugins).
import type { Context } from 'hono';
import { deleteSession, listSessions } from '../chat/sessions';
import type { SmarterAppEnv } from '../env';
import type { Json } from '../envelope';
import { notReady } from '../errors';
import type { KindInfo } from '../manifests/kinds';

type C = Context<SmarterAppEnv>;
const iso = (ms: number) => new Date(ms).toISOString();
const sessionKeyOf = (c: C) => c.req.query('session_key') ?? c.req.query('name');

export async function getChats(c: C, kind: KindInfo): Promise<Json[]> {
  if (kind.key === 'chattoolcall' || kind.key === 'chatpluginusage') return [];
  const sessions = await listSessions(c.env.SMARTER, c.get('account').id, { sessionKey: sessionKeyOf(c), chatbot: c.req.query('chatbot') });
  if (kind.key === 'chathistory') {
    return sessions.flatMap((s) => s.messages.map((m, i) => ({ id: i + 1, sessionKey: s.session_key, chatbot: s.chatbot, role: m.role, content: m.content, createdAt: iso(s.updated_at) })));
  }
  return sessions.map((s, i) => ({ id: i + 1, name: s.session_key, sessionKey: s.session_key, chatbot: s.chatbot, turns: s.turns, messages: s.messages.length, createdAt: iso(s.created_at), updatedAt: iso(s.updated_at) }));
}

/** The columns of a history kind's get items (the titles of an empty listing). */
export function chatColumns(kind: KindInfo): Json {
  const at = iso(0);
  if (kind.key === 'chathistory') return { id: 1, sessionKey: '', chatbot: '', role: '', content: '', createdAt: at };
  if (kind.key === 'chattoolcall' || kind.key === 'chatpluginusage') return { id: 1, sessionKey: '', chatbot: '', createdAt: at };
  return { id: 1, name: '', sessionKey: '', chatbot: '', turns: 0, messages: 0, createdAt: at, updatedAt: at };
}

export async function describeChat(c: C, kind: KindInfo): Promise<Json> {
  const key = sessionKeyOf(c);
  const [session] = key ? await listSessions(c.env.SMARTER, c.get('account').id, { sessionKey: key.toLowerCase() }) : [];
  if (!session) throw notReady(`${kind.name} ${key ?? '(no session_key)'} not found`, kind.name, 'describe');
  return {
    apiVersion: 'smarter.sh/v1',
    kind: kind.name,
    // A manifest name is at most 50 characters: the 64-hex key is kept in `sessionKey`.
    metadata: { name: `chat_${session.session_key.slice(0, 16)}`, sessionKey: session.session_key, description: `A chat with ${session.chatbot ?? 'a deleted chatbot'}`, version: '1.0.0' },
    spec: { chatbot: session.chatbot, messages: session.messages },
    status: { created: iso(session.created_at), modified: iso(session.updated_at), turns: session.turns },
  };
}

/** Deletes the session named by `session_key` (or `name`); its key. */
export async function deleteChat(c: C, kind: KindInfo): Promise<string> {
  const key = sessionKeyOf(c)?.toLowerCase();
  if (!key || !(await deleteSession(c.env.SMARTER, c.get('account').id, key))) throw notReady(`${kind.name} ${key ?? '(no session_key)'} not found`, kind.name, 'delete');
  return key;
}
