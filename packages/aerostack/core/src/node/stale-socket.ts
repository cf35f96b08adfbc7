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

/** Methods that may be repeated (RFC 9110, 9.2.2). */
const REPEATABLE = /^(GET|HEAD|OPTIONS|TRACE|PUT|DELETE)$/;
const RESET_CODES = new Set(['ECONNRESET', 'EPIPE']);

/**
 * Whether a request that failed before its response may be sent again on a new connection:
 * it failed on a reused connection with a reset, its body can be sent again, and repeating it
 * cannot do a write twice.
 */
export function sendAgain(request: ClientRequest, error: unknown, replayable: boolean, headers: Partial<Record<string, string>>): boolean {
  return (
    request.reusedSocket &&
    RESET_CODES.has((error as NodeJS.ErrnoException | undefined)?.code ?? '') &&
    replayable &&
    (REPEATABLE.test(request.method) || headers['idempotency-key'] !== undefined || headers['x-idempotency-key'] !== undefined)
  );
}

/**
 * The error for a request with a streamed body whose connection never opened (refused, no such
 * host, ...): nothing reached the server, so the caller may send it again with a new stream. Its
 * code is `REQUEST_NOT_SENT`. (A stream is never put on a pooled connection, so it cannot meet a
 * server's idle close; once a connection is up, whether a cut request ran cannot be known.)
 */
export function notSent(cause: unknown): APIConnectionError {
  return new APIConnectionError(`Connection error: ${(cause as Error).message} (the request was not sent)`, { cause, code: 'REQUEST_NOT_SENT' });
}
