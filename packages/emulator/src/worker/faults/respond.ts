// What a fault sends: an error in the platform's shape, or a response cut midway.
import { errorBody } from '../errors';
import type { Fault } from './rule';

const CODES: Record<number, string> = { 400: 'VALIDATION_ERROR', 401: 'AUTH_INVALID_KEY', 403: 'FORBIDDEN', 404: 'NOT_FOUND', 429: 'RATE_LIMIT_EXCEEDED' };

export function faultResponse(fault: Fault & { status: number }): Response {
  const { status } = fault;
  const code = CODES[status] ?? (status >= 500 ? 'INTERNAL_ERROR' : 'INJECTED_FAULT');
  const message = status === 429 ? 'Rate limit exceeded (injected by the emulator)' : `Injected fault: HTTP ${status} (emulator)`;
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (fault.retryAfter !== undefined) headers['retry-after'] = String(fault.retryAfter);
  if (fault.retryAfterMs !== undefined) headers['retry-after-ms'] = String(fault.retryAfterMs);
  return new Response(JSON.stringify(errorBody(code, message)), { status, headers });
}

/**
 * The same response, but the connection is closed after half of its body. A FixedLengthStream
 * declares a longer body than is sent; aborting it makes workerd close the socket, which the client
 * sees as a network error (erroring a chunked body would end it cleanly instead).
 */
export async function cutResponse(response: Response, ctx: ExecutionContext): Promise<Response> {
  const bytes = new Uint8Array(await response.arrayBuffer());
  const { readable, writable } = new FixedLengthStream(bytes.length + 1024);
  const writer = writable.getWriter();
  const send = async () => {
    await writer.write(bytes.slice(0, Math.max(1, Math.floor(bytes.length / 2))));
    await new Promise((resolve) => setTimeout(resolve, 20));
    await writer.abort(new Error('connection dropped by an emulator fault'));
  };
  ctx.waitUntil(send().catch(() => undefined));
  const headers = new Headers(response.headers);
  headers.delete('content-length');
  return new Response(readable, { status: response.status, headers });
}
