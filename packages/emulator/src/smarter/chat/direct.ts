// A chatbot's own endpoints, what the React widget calls: chat at `chatbots/<hashed id>/chat/`
// (v0.13) / `llm-clients/<hashed id>/prompt/` (v0.14) and the config at `.../config/`. These are
// plain Django views, not DRF: their failures have their own shapes — 403 `{message}` without a
// valid key (the platform's sandbox URL always needs one), 404 `{}` (chat) or `{error: "Not found"}`
// (config), 500 `{error, details, trace}` for a body the handler cannot use, 405 with an empty body.
// `data.body` of a chat answer is a JSON *string*, as the platform sends it.
import type { Context } from 'hono';
import { accountOf } from '../auth';
import type { Account, SmarterAppEnv } from '../env';
import { newHexKey, ok, type Json } from '../envelope';
import { isV13 } from '../generation';
import type { ResourceRow } from '../manifests/store';
import { chatbotByHashedId } from './chatbots';
import { chatConfig } from './config';
import { findSession, saveSession, type Message } from './sessions';
import { answerTurn, openingMessages, settingsOf } from './turn';

const SESSION_KEY = /^[a-fA-F0-9]{64}$/;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

type Resolved = { account: Account; chatbot: ResourceRow } | Response;

async function resolve(c: Context<SmarterAppEnv>, notFoundBody: Json): Promise<Resolved> {
  const account = accountOf(c.env, c.req.header('authorization'));
  if (!account) return c.json({ message: 'Forbidden. Please provide a valid API key.' }, 403);
  c.set('account', account);
  const chatbot = await chatbotByHashedId(c.env.SMARTER, account.id, c.req.param('chatbotId') ?? '');
  return chatbot ? { account, chatbot } : c.json(notFoundBody, 404);
}

const plainError = (c: Context, details: string) => c.json({ error: 'SmarterValueError', details, trace: '' }, 500);

/** The session key of the body, else `?session_key=`, else the `session_key` cookie. */
function sessionKeyOf(c: Context, body: Json): string | undefined {
  const cookie = /(?:^|;\s*)session_key=([^;]+)/.exec(c.req.header('cookie') ?? '')?.[1];
  const key = body.session_key ?? c.req.query('session_key') ?? cookie;
  return typeof key === 'string' ? key : undefined;
}

async function readJson(c: Context): Promise<Json | undefined> {
  const text = await c.req.text();
  if (!text.trim()) return {};
  try {
    const parsed: unknown = JSON.parse(text);
    return isObject(parsed) ? parsed : undefined;
  } catch {
    return undefined;
  }
}

export async function directChat(c: Context<SmarterAppEnv>): Promise<Response> {
  if (c.req.method !== 'POST') return new Response(null, { status: 405, headers: { allow: 'POST' } });
  const found = await resolve(c, {});
  if (found instanceof Response) return found;
  const { account, chatbot } = found;
  const body = await readJson(c);
  if (!body) return plainError(c, 'The request body is not a JSON object');
  const raw = body.messages;
  if (!Array.isArray(raw) || !raw.every((m) => isObject(m) && typeof m.role === 'string' && (typeof m.content === 'string' || m.content === null))) {
    return plainError(c, 'messages: a list of {role, content} is required');
  }
  const key = sessionKeyOf(c, body) ?? newHexKey();
  if (!SESSION_KEY.test(key)) return plainError(c, 'session_key: 64 hexadecimal characters');

  const generation = c.get('generation');
  const messages = (raw as Json[]).map((m): Message => ({ role: m.role as string, content: m.content as string | null }));
  // The widget sends the whole conversation; the chatbot's system prompt leads it when it has none.
  const opening = openingMessages(settingsOf(chatbot));
  const conversation = messages.some((m) => m.role === 'system') ? messages : [opening[0] as Message, ...messages];
  const turn = await answerTurn(chatbot, generation, conversation);
  await saveSession(c.env.SMARTER, account.id, key.toLowerCase(), chatbot.id, [...conversation, turn.reply], true);
  const data = { isBase64Encoded: false, statusCode: 200, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(turn.body) };
  return ok(c, { thing: isV13(generation) ? 'Chatbot' : 'LLMClient', command: isV13(generation) ? 'chat' : 'prompt', data });
}

export async function directConfig(c: Context<SmarterAppEnv>): Promise<Response> {
  if (c.req.method !== 'POST' && c.req.method !== 'GET') return new Response(null, { status: 405, headers: { allow: 'GET, POST' } });
  const found = await resolve(c, { error: 'Not found' });
  if (found instanceof Response) return found;
  const { account, chatbot } = found;
  const body = c.req.method === 'POST' ? await readJson(c) : {};
  if (!body) return c.json({ error: 'The request body is not a JSON object' }, 500);
  const key = (sessionKeyOf(c, body) ?? newHexKey()).toLowerCase();
  if (!SESSION_KEY.test(key)) return c.json({ error: 'session_key: 64 hexadecimal characters' }, 500);
  let session = await findSession(c.env.SMARTER, account.id, key);
  if (!session) {
    await saveSession(c.env.SMARTER, account.id, key, chatbot.id, [], false);
    session = await findSession(c.env.SMARTER, account.id, key);
  }
  if (!session) throw new Error('session not stored');
  const diagnostics = { url: c.req.url, method: c.req.method, generation: c.get('generation'), emulator: true };
  return ok(c, { thing: 'ChatConfig', command: 'chat_config', data: chatConfig(chatbot, session, account, new URL(c.req.url).origin, c.get('generation'), diagnostics) });
}
