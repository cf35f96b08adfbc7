// The platform's error shape, `{code, message, details?}`, and the app-wide error handlers.
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

export type FieldErrors = Record<string, string[]>;

/** A failure with a status and an ErrorResponse body; thrown anywhere, answered by `onError`. */
export class ApiError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
  }
}

export function errorBody(code: string, message: string, details?: Record<string, unknown>): Record<string, unknown> {
  return details ? { code, message, details } : { code, message };
}

export function validationError(fieldErrors: FieldErrors): ApiError {
  const [first] = Object.entries(fieldErrors);
  const message = first ? `${first[0]}: ${first[1].join(', ')}` : 'Invalid request';
  return new ApiError(400, 'VALIDATION_ERROR', message, { fieldErrors });
}

/**
 * A request whose connection went away while its body was being read (workerd's "Network
 * connection lost."): the client closed it (an abort, a timeout, a crash). Nothing went wrong here,
 * so it is logged as what it is, in one line, not as an unexpected error with a stack.
 */
export function connectionLost(error: Error, c: Context, who: string): Response | undefined {
  if (error.message !== 'Network connection lost.') return undefined;
  console.warn(`${who}: ${c.req.method} ${new URL(c.req.url).pathname}: the connection was lost before the request ended (the client closed it)`);
  return c.json(errorBody('CONNECTION_LOST', 'The connection was lost before the request ended'), 400);
}

export function onError(error: Error, c: Context): Response {
  if (error instanceof ApiError) return c.json(errorBody(error.code, error.message, error.details), error.status);
  const lost = connectionLost(error, c, 'emulator');
  if (lost) return lost;
  // Never a stack trace in the body; the log has it.
  console.error('emulator: unexpected error', error);
  return c.json(errorBody('INTERNAL_ERROR', 'Internal server error'), 500);
}

export function notFound(c: Context): Response {
  return c.json(errorBody('NOT_FOUND', `No route ${c.req.method} ${new URL(c.req.url).pathname}`), 404);
}
