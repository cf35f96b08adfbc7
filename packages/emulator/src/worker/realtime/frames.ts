// The client's frames (JSON text), checked: a frame that is not JSON, has no known type or lacks a
// field is refused with a message naming what to fix (the socket answers BAD_FRAME and stays open).
import type { Filter } from './filters';
import { MAX_TOPIC_LENGTH } from './topics';

export type ClientFrame =
  | { type: 'subscribe'; topic: string; filter: Filter | null }
  | { type: 'unsubscribe'; topic: string }
  | { type: 'publish'; topic: string; event: string; data: unknown; persist: boolean; id: string }
  | { type: 'track'; topic: string; state: Record<string, unknown> }
  | { type: 'untrack'; topic: string }
  | { type: 'ping' }
  | { type: 'auth'; token: string };

export type Parsed = { ok: true; frame: ClientFrame } | { ok: false; message: string };

/** Longest event name and message id; largest presence state (JSON text). */
const MAX_NAME = 256;
const MAX_STATE_BYTES = 16 * 1024;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

class Refused extends Error {}

function text(body: Record<string, unknown>, field: string, max: number): string {
  const value = body[field];
  if (typeof value !== 'string' || !value) throw new Refused(`${field}: expected a non-empty string`);
  if (value.length > max) throw new Refused(`${field}: at most ${max} characters`);
  return value;
}

const topic = (body: Record<string, unknown>) => text(body, 'topic', MAX_TOPIC_LENGTH);

function frameOf(body: Record<string, unknown>): ClientFrame {
  switch (body.type) {
    case 'subscribe': {
      const filter = body.filter ?? null;
      if (filter !== null && !isObject(filter)) throw new Refused('filter: expected an object of column → value');
      return { type: 'subscribe', topic: topic(body), filter };
    }
    case 'unsubscribe':
      return { type: 'unsubscribe', topic: topic(body) };
    case 'publish': {
      if (body.persist !== undefined && typeof body.persist !== 'boolean') throw new Refused('persist: expected a boolean');
      return { type: 'publish', topic: topic(body), event: text(body, 'event', MAX_NAME), data: body.data ?? null, persist: body.persist === true, id: text(body, 'id', MAX_NAME) };
    }
    case 'track': {
      const state = body.state ?? {};
      if (!isObject(state)) throw new Refused('state: expected an object');
      if (new TextEncoder().encode(JSON.stringify(state)).byteLength > MAX_STATE_BYTES) throw new Refused(`state: at most ${MAX_STATE_BYTES} bytes of JSON`);
      return { type: 'track', topic: topic(body), state };
    }
    case 'untrack':
      return { type: 'untrack', topic: topic(body) };
    case 'ping':
      return { type: 'ping' };
    case 'auth':
      return { type: 'auth', token: text(body, 'token', 8192) };
    default:
      throw new Refused(`type: expected one of subscribe, unsubscribe, publish, track, untrack, ping, auth; got ${JSON.stringify(body.type ?? null)}`);
  }
}

export function parseFrame(message: string | ArrayBuffer): Parsed {
  if (typeof message !== 'string') return { ok: false, message: 'Frames are JSON text, not binary' };
  let body: unknown;
  try {
    body = JSON.parse(message);
  } catch {
    return { ok: false, message: 'Not JSON' };
  }
  if (!isObject(body)) return { ok: false, message: 'Expected a JSON object with a type' };
  try {
    return { ok: true, frame: frameOf(body) };
  } catch (error) {
    if (error instanceof Refused) return { ok: false, message: error.message };
    throw error;
  }
}
