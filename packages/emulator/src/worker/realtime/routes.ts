// The realtime routes of the Aerostack worker (outside /v1, as on the platform):
//
// - `GET /api/realtime`: the WebSocket. Checked here (key, projectId, user token), then handed to the
//   project's Durable Object, which holds the socket (hibernation API, project/object.ts). A refusal
//   ACCEPTS the upgrade and closes at once with 4001/4003 and a reason, as the platform does (a
//   browser sees no reason for a refused handshake).
// - `GET /api/v1/public/realtime/history`: a room's persisted messages, newest first.
import { Hono } from 'hono';
import type { Env } from '../env';
import { ApiError } from '../errors';
import { fromBase64url } from '../users/crypto';
import { readHistory } from './history';
import { tokenUser } from './token';
import { normaliseTopic } from './topics';
import type { Identity } from './hub';

export const realtime = new Hono<{ Bindings: Env }>();

/** A close reason is at most 123 bytes of UTF-8. */
const reasonOf = (text: string) => {
  let out = text;
  while (new TextEncoder().encode(out).byteLength > 123) out = out.slice(0, -1);
  return out;
};

/** Accepts the upgrade and closes at once (the platform's refusal: the client reads code and reason). */
function refuse(protocol: string | undefined, code: number, reason: string): Response {
  const [client, server] = Object.values(new WebSocketPair()) as [WebSocket, WebSocket];
  server.accept();
  server.close(code, reasonOf(reason));
  return new Response(null, { status: 101, webSocket: client, headers: protocol ? { 'sec-websocket-protocol': protocol } : {} });
}


realtime.get('/api/realtime', async (c) => {
  if (c.req.header('upgrade')?.toLowerCase() !== 'websocket') throw new ApiError(426, 'UPGRADE_REQUIRED', 'This route takes a WebSocket upgrade');
  const offered = (c.req.header('sec-websocket-protocol') ?? '')
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
  // Echo aerostack-v1 when offered, else the first offered: a browser fails a handshake whose answer names none.
  const protocol = offered.includes('aerostack-v1') ? 'aerostack-v1' : offered[0];
  const key = offered.find((p) => p.startsWith('aerostack-key.'))?.slice('aerostack-key.'.length) ?? c.req.header('x-aerostack-key') ?? c.req.header('x-api-key');
  const entry = key ? c.env.PROJECTS.find((p) => p.key === key) : undefined;
  if (!entry) return refuse(protocol, 4001, 'AUTH_INVALID_KEY: Invalid or missing API key');
  const wanted = c.req.query('projectId');
  if (wanted && wanted !== entry.project) return refuse(protocol, 4003, `PROJECT_MISMATCH: projectId ${wanted} is not this key's project`);
  const token = offered.find((p) => p.startsWith('aerostack-token.'))?.slice('aerostack-token.'.length) ?? c.req.query('token');
  let userId = c.req.query('userId') || null;
  if (token) {
    const user = await tokenUser(c.env, token, entry.project);
    if ('why' in user) return refuse(protocol, 4001, `AUTH_INVALID_TOKEN: ${user.why}`);
    userId = user.userId;
  }
  const identity: Identity = { project: entry.project, userId };
  const stub = c.env.PROJECT.get(c.env.PROJECT.idFromName(entry.project));
  // A new request: only what was checked here reaches the object (the client's headers do not).
  const answer = await stub.fetch('http://project/realtime/connect', { headers: { upgrade: 'websocket', 'x-realtime-identity': JSON.stringify(identity), ...(protocol && { 'x-realtime-protocol': protocol }) } });
  // A copy: the object's answer has immutable headers, and the middlewares add theirs (x-request-id, CORS).
  return new Response(null, { status: answer.status, webSocket: answer.webSocket, headers: new Headers(answer.headers) });
});

/** The project a token names (unchecked: tokenUser then checks it fully against that project). */
function claimedProject(token: string): string | undefined {
  try {
    const claims: unknown = JSON.parse(new TextDecoder().decode(fromBase64url(token.split('.')[1] ?? '')));
    return typeof claims === 'object' && claims !== null && 'pid' in claims && typeof claims.pid === 'string' ? claims.pid : undefined;
  } catch {
    return undefined;
  }
}

/** The project of a history request: the API key, else a user's access token (its project). */
async function historyProject(env: Env, key: string | undefined, authorization: string | undefined): Promise<string> {
  if (key) {
    const entry = env.PROJECTS.find((p) => p.key === key);
    if (entry) return entry.project;
  } else {
    const token = /^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1];
    const project = token ? claimedProject(token) : undefined;
    if (token && project && env.PROJECTS.some((p) => p.project === project) && 'userId' in (await tokenUser(env, token, project))) return project;
  }
  throw new ApiError(401, 'AUTH_INVALID_KEY', 'Invalid or missing API key');
}

function intParam(value: string | undefined, field: string, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!/^-?\d+$/.test(value) || !Number.isSafeInteger(n) || n < min || n > max) {
    const rule = max === Number.MAX_SAFE_INTEGER ? `a whole number ≥ ${min}` : `a whole number from ${min} to ${max}`;
    throw new ApiError(400, 'VALIDATION_ERROR', `${field}: expected ${rule}`, { fieldErrors: { [field]: [`Expected ${rule}`] } });
  }
  return n;
}

realtime.get('/api/v1/public/realtime/history', async (c) => {
  const project = await historyProject(c.env, c.req.header('x-aerostack-key') || c.req.header('x-api-key'), c.req.header('authorization'));
  const room = c.req.query('room');
  if (!room) throw new ApiError(400, 'VALIDATION_ERROR', 'room: Required', { fieldErrors: { room: ['Required'] } });
  const limit = intParam(c.req.query('limit'), 'limit', 1, 100) ?? 50;
  const before = intParam(c.req.query('before'), 'before', 0, Number.MAX_SAFE_INTEGER);
  return c.json({ messages: await readHistory(c.env, project, normaliseTopic(room, project), limit, before) });
});
