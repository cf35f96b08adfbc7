import { AuthenticationError, defaultParseError, NotFoundError, type ErrorInfo } from '@aerostack/core';

// Smarter wraps every CLI answer in a journaled envelope:
//   { data, message?, api: 'smarter.sh/v1', thing? (v0.13), metadata: { command, thing? } | { key } }
// and every CLI failure in { error: { errorClass, description, status, stacktrace, ... }, api, ... }.

type Fields = Record<string, unknown>;

const isObject = (v: unknown): v is Fields => typeof v === 'object' && v !== null && !Array.isArray(v);

/** True for Smarter's envelope (the OpenAI-style resources answer without one). */
export function isEnvelope(body: unknown): body is Fields {
  return isObject(body) && typeof body.api === 'string' && body.api.startsWith('smarter.sh/');
}

/**
 * The payload of an envelope (`undefined` when the server sent none, as for delete/deploy, which
 * answer with a `message` only); anything else as is. The v0.14 passthrough merges `api` and
 * `metadata` into a chat completion that has neither `data` nor `message`: it stays whole.
 */
export function unwrap(body: unknown): unknown {
  return isEnvelope(body) && ('data' in body || 'message' in body) ? body.data : body;
}

/** The 64-hex journal key, Smarter's only per-response id (it sends no x-request-id). */
export function journalKey(body: unknown): string | undefined {
  const key = isObject(body) && isObject(body.metadata) ? body.metadata.key : undefined;
  return typeof key === 'string' ? key : undefined;
}

/** `text` without a leading `<prefix>: `. */
const withoutPrefix = (text: string, prefix: string | undefined): string => (prefix && text.startsWith(`${prefix}: `) ? text.slice(prefix.length + 2) : text);

const AUTH_FAILURE = /not ?authenticated|authentication failed|valid api key/i;

/**
 * Reads Smarter's error envelope into a readable message (never the stack trace, which is kept in
 * `details`), and hides the server's quirks: an authentication failure arrives as 403 and is an
 * AuthenticationError; describe/delete/deploy of a name that does not exist arrives as 503
 * ("not ready ... not found") and is a NotFoundError.
 */
export function parseError(body: unknown, status: number): ErrorInfo {
  const error = isObject(body) && isObject(body.error) ? body.error : undefined;
  const code = typeof error?.errorClass === 'string' ? error.errorClass : undefined;
  const info: ErrorInfo = error
    ? {
        code,
        // The platform starts the description with the class name, which the message shows already as its code.
        message: typeof error.description === 'string' ? withoutPrefix(error.description.trim().split('\n')[0] as string, code) : undefined,
        details: error,
      }
    : { ...defaultParseError(body), ...(isObject(body) && typeof body.detail === 'string' && { message: body.detail }) };
  const text = `${info.code ?? ''} ${info.message ?? ''}`;
  if (status === 403 && AUTH_FAILURE.test(text)) info.type = AuthenticationError;
  else if (status === 503 && /not ?found/i.test(text)) info.type = NotFoundError;
  return info;
}
