// cli/chat/<name>/ (v0.13) / cli/prompt/<name>/ (v0.14), and their config routes: chatting with a
// chatbot by name. The session is kept on the server: the first turn of a session starts from the
// system prompt (and welcome message), every later turn is sent with the whole conversation so far,
// which `data.request.messages` echoes — so the second answer's request holds the first turn.
// As on the platform, a non-empty `messages` list in the body replaces the history for that turn
// and is not stored back.
import type { Context } from 'hono';
import type { SmarterAppEnv } from '../env';
import { envelopeBase, newHexKey, ok, type Json } from '../envelope';
import { badRequest, SmarterError } from '../errors';
import { isV13 } from '../generation';
import { chatbotByName } from './chatbots';
import { chatConfig } from './config';
import { cachedSession, cacheSession, findSession, saveSession, type Message } from './sessions';
import { answerTurn, openingMessages, settingsOf } from './turn';

const SESSION_KEY = /^[a-fA-F0-9]{64}$/;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** `uid` (required) and `new_session` (`true`/`false`): anything else is the platform's 500. */
function sessionParams(c: Context<SmarterAppEnv>, thing: string, command: string): { uid: string; newSession: boolean } {
  const uid = c.req.query('uid');
  if (!uid) throw new SmarterError(500, 'SmarterValueError', 'uid is required: any client id string (e.g. ?uid=admin)', thing, command);
  const raw = c.req.query('new_session');
  if (raw !== undefined && !/^(true|false)$/i.test(raw)) throw new SmarterError(500, 'SmarterValueError', `new_session must be true or false, got "${raw}"`, thing, command);
  return { uid, newSession: raw?.toLowerCase() === 'true' };
}

async function jsonBody(c: Context<SmarterAppEnv>, thing: string, command: string, required: boolean): Promise<Json> {
  const text = await c.req.text();
  if (!text.trim()) {
    if (required) throw new SmarterError(500, 'SmarterValueError', 'No request body: send {"prompt": "<text>"}', thing, command);
    return {};
  }
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw badRequest('The request body is not valid JSON', thing, command);
  }
  if (!isObject(body)) throw badRequest('The request body must be a JSON object', thing, command);
  const key = body.session_key;
  if (key !== undefined && (typeof key !== 'string' || !SESSION_KEY.test(key))) throw badRequest('session_key: 64 hexadecimal characters', thing, command);
  return body;
}

/** The session of this call: the body's, else (unless a new one is asked for) the one cached for the uid, else a new one. */
async function sessionKeyFor(c: Context<SmarterAppEnv>, chatbotId: number, uid: string, newSession: boolean, bodyKey: unknown): Promise<string> {
  const db = c.env.SMARTER;
  const account = c.get('account').id;
  const key = (typeof bodyKey === 'string' ? bodyKey.toLowerCase() : undefined) ?? (newSession ? undefined : await cachedSession(db, account, uid, chatbotId)) ?? newHexKey();
  await cacheSession(db, account, uid, chatbotId, key);
  return key;
}

async function chatbotFor(c: Context<SmarterAppEnv>, thing: string, command: string) {
  const name = c.req.param('name') ?? '';
  const chatbot = await chatbotByName(c.env.SMARTER, c.get('account').id, name);
  if (!chatbot) throw new SmarterError(404, 'SmarterChatBotException', `${isV13(c.get('generation')) ? 'Chatbot' : 'LLMClient'} ${name} not found`, thing, command);
  return chatbot;
}

function checkMessages(value: unknown, thing: string, command: string): Message[] {
  if (value === undefined || value === null) return [];
  const ok = Array.isArray(value) && value.every((m) => isObject(m) && typeof m.role === 'string' && (typeof m.content === 'string' || m.content === null));
  if (!ok) throw badRequest('messages: a list of {role, content}', thing, command);
  return (value as Json[]).map((m) => ({ role: m.role as string, content: m.content as string | null }));
}

export async function cliPrompt(c: Context<SmarterAppEnv>): Promise<Response> {
  const generation = c.get('generation');
  const [thing, command] = isV13(generation) ? ['Chat', 'chat'] : ['Prompt', 'prompt'];
  const { uid, newSession } = sessionParams(c, thing, command);
  const body = await jsonBody(c, thing, command, true);
  if (body.prompt === undefined || body.prompt === null) throw new SmarterError(500, 'SmarterValueError', 'prompt is required: send {"prompt": "<text>"}', thing, command);
  if (typeof body.prompt !== 'string') throw badRequest('prompt: expected a string', thing, command);
  const sent = checkMessages(body.messages, thing, command);
  const chatbot = await chatbotFor(c, thing, command);
  const account = c.get('account').id;
  const key = await sessionKeyFor(c, chatbot.id, uid, newSession, body.session_key);
  const session = await findSession(c.env.SMARTER, account, key);

  const opening = openingMessages(settingsOf(chatbot));
  const stored = session?.messages.length ? session.messages : undefined;
  const user: Message = { role: 'user', content: body.prompt };
  const history = sent.length ? (sent.some((m) => m.role === 'system') ? sent : [opening[0] as Message, ...sent]) : (stored ?? opening);
  const conversation = [...history, user];
  const turn = await answerTurn(chatbot, generation, conversation);
  await saveSession(c.env.SMARTER, account, key, chatbot.id, sent.length ? (session?.messages ?? []) : [...conversation, turn.reply], true);

  const response = {
    data: { isBase64Encoded: false, statusCode: 200, headers: { 'Content-Type': 'application/json' }, body: turn.body },
    // v0.13: the chat endpoint's thing is Chatbot; v0.14 answers Prompt inside and out (specs/smarter.yaml, cliPrompt).
    ...envelopeBase(generation, isV13(generation) ? 'Chatbot' : 'Prompt', command),
  };
  return ok(c, { thing, command, data: { request: { session_key: key, messages: conversation }, response } });
}

export async function cliChatConfig(c: Context<SmarterAppEnv>): Promise<Response> {
  const [thing, command] = ['ChatConfig', 'chat_config'];
  const { uid, newSession } = sessionParams(c, thing, command);
  const body = await jsonBody(c, thing, command, false);
  const chatbot = await chatbotFor(c, thing, command);
  const account = c.get('account');
  const key = await sessionKeyFor(c, chatbot.id, uid, newSession, body.session_key);
  let session = await findSession(c.env.SMARTER, account.id, key);
  if (!session) {
    await saveSession(c.env.SMARTER, account.id, key, chatbot.id, [], false);
    session = await findSession(c.env.SMARTER, account.id, key);
  }
  if (!session) throw new Error('session not stored');
  const diagnostics = { url: c.req.url, method: c.req.method, uid, new_session: newSession, generation: c.get('generation'), emulator: true };
  return ok(c, { thing, command, data: chatConfig(chatbot, session, account, new URL(c.req.url).origin, c.get('generation'), diagnostics) });
}
