// Keep-alive connections a server closes while a request is on its way. A server closes an idle
// connection on its own clock: workerd (so the emulator and Cloudflare) closes one 5 s after its
// last response unless the next request's first byte has been read by then, and under load it
// reads late, so a request sent on a connection idle for only 2 s can still meet the close. It
// sends no `Keep-Alive: timeout=` to plan by (Node's agent honours one when a server sends it).
// The request then fails with ECONNRESET ('read ECONNRESET', 'socket hang up') or EPIPE before any
// byte of the answer. As Go's net/http does, such a request is sent again once, at once, on a
// new connection, when that is safe: its body can be sent again (not a stream) and repeating it
// cannot do a write twice (a method that may be repeated, or an idempotency key). This is not a
// retry of the call: it does not count against `maxRetries` and calls no hook, because the
// server closed the connection without answering the request, which the call's own retries
// would only repeat with a delay.

import type { ClientRequest } from 'node:http';
import { APIConnectionError } from '../errors';
import type { FetchLike } from '../transport';
import { keepStream } from './kept-stream';

/** Methods that may be repeated (RFC 9110, 9.2.2). */
const REPEATABLE = /^(GET|HEAD|OPTIONS|TRACE|PUT|DELETE)$/;
const RESET_CODES = new Set(['ECONNRESET', 'EPIPE']);
/** undici's causes for a connection that never opened. */
const NEVER_CONNECTED = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'UND_ERR_CONNECT_TIMEOUT']);

/** Whether repeating a request cannot do a write twice: a method that may be repeated, or an idempotency key. */
export const mayRepeat = (method: string, headers: Partial<Record<string, string>>): boolean =>
  REPEATABLE.test(method) || headers['idempotency-key'] !== undefined || headers['x-idempotency-key'] !== undefined;

/**
 * Whether a request that failed before its response may be sent again on a new connection:
 * it failed on a reused connection with a reset, its body can be sent again, and repeating it
 * cannot do a write twice.
 */
export function sendAgain(request: ClientRequest, error: unknown, replayable: boolean, headers: Partial<Record<string, string>>): boolean {
  return request.reusedSocket && RESET_CODES.has((error as NodeJS.ErrnoException | undefined)?.code ?? '') && replayable && mayRepeat(request.method, headers);
}

/**
 * The `fetch` transport's counterpart (undici, Node's fetch): its pool reuses the idle connection
 * it finds first, idle for up to 4 s, so it meets the same close more often, and it tells neither
 * which connection it used nor whether it was reused. A fetch that rejects has had no response;
 * one whose cause is a reset (or undici's "other side closed") is sent once more at once, under
 * the same conditions: not aborted, a request that may be repeated, and a body that can be sent
 * again — a streamed one too, from the bytes kept of it (kept-stream.ts), when no more than 4 MiB
 * had been read.
 */
export const fetchSendingAgain: FetchLike = async (url, init) => {
  const stream = init.body instanceof ReadableStream;
  const repeatable = mayRepeat(init.method ?? 'GET', init.headers as Partial<Record<string, string>>);
  // A stream's bytes are kept only for a request that may be sent again (no copy of an unkeyed
  // upload); either way it is wrapped, so that the source is cancelled when the request fails.
  const kept = stream ? keepStream(init.body as ReadableStream<Uint8Array>, repeatable ? undefined : 0) : undefined;
  const attempt = async (body: RequestInit['body']) => {
    const response = await fetch(url, { ...init, body });
    kept?.answered();
    return response;
  };
  try {
    try {
      return await attempt(kept ? kept.body : init.body);
    } catch (error) {
      const cause = (error as Error).cause as NodeJS.ErrnoException | undefined;
      const code = cause?.code ?? '';
      // As the node transport: a stream whose connection never opened was not sent, and may be sent again.
      if (stream && NEVER_CONNECTED.has(code) && !init.signal?.aborted) throw notSent(cause);
      const body = kept ? kept.again() : init.body;
      if (init.signal?.aborted || !repeatable || !(RESET_CODES.has(code) || code === 'UND_ERR_SOCKET') || (kept && !body)) throw error;
      return await attempt(body);
    }
  } catch (error) {
    kept?.release(error);
    throw error;
  }
};

/**
 * The error for a request with a streamed body whose connection never opened (refused, no such
 * host, ...): nothing reached the server, so the caller may send it again with a new stream. Its
 * code is `REQUEST_NOT_SENT`. (The node transport never puts a stream on a pooled connection, so it
 * cannot meet a server's idle close there; once a connection is up, whether a cut request ran
 * cannot be known.)
 */
export function notSent(cause: unknown): APIConnectionError {
  return new APIConnectionError(`Connection error: ${(cause as Error).message} (the request was not sent)`, { cause, code: 'REQUEST_NOT_SENT' });
}
