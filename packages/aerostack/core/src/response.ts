import { errorClassFor, InvalidResponseError, type APIError } from './errors';
import type { ErrorInfo, Preset } from './types';

type Json = Record<string, unknown>;

// Codes may be numbers (`"code": 429` in some stream error frames): they become strings.
const str = (v: unknown): string | undefined => (typeof v === 'string' && v ? v : typeof v === 'number' ? String(v) : undefined);

/** Understands `{code, message, details}`, `{error: "..."}` and `{error: {code, message, details}}`. */
export function defaultParseError(body: unknown): ErrorInfo {
  if (!body || typeof body !== 'object') return {};
  const { code, message, details, error } = body as Json;
  const nested = (error && typeof error === 'object' ? error : {}) as Json;
  return {
    code: str(code) ?? str(nested.code),
    message: str(message) ?? str(nested.message) ?? str(error),
    details: details ?? nested.details,
  };
}

/** Cuts a message to 1,000 characters (the whole body stays in `error.body`). */
export const clip = (text: string): string => text.slice(0, 1000);

/** Text that can serve as a message: trimmed, not empty, not an HTML page (`<...`). */
export const readable = (text: string | undefined): string | undefined => ((text = text?.trim()) && text[0] != '<' ? text : undefined);

export function tryJSON(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** A copy of the headers with the key cut out of every value: an error keeps it, and errors get printed. */
function scrubHeaders({ headers }: Response, scrub: (text: string) => string): Headers {
  const copy = new Headers();
  headers.forEach((value, name) => copy.append(name, scrub(value)));
  return copy;
}

/** The typed error for a non-success response (`requestId`: the header's). Always resolves: a body that cannot be read is an empty body. */
export async function errorFromResponse(response: Response, preset: Preset, requestId: string | undefined, scrub: (text: string) => string): Promise<APIError> {
  const { status } = response;
  // The key never travels in an error, even when the server echoed it in a header (or a redirect's location).
  const headers = scrubHeaders(response, scrub);
  // The key never travels in an error, even when the server's body echoed it.
  const text = scrub(await response.text().catch(() => ''));
  const body = tryJSON(text); // undefined for an empty body too
  const { code, message, details, type } = (preset.parseError ?? defaultParseError)(body, status);
  // A short plain-text body is the best message there is; an HTML page or blank text is not.
  const fallback = body === undefined && text.length <= 200 ? readable(text) : undefined;
  // A redirect is not followed (status 0: a browser's opaque redirect, whose target is hidden).
  const redirect = status < 400 ? ` (redirect to ${headers.get('location') ?? 'a hidden location'} not followed)` : '';
  const said = readable(message) ?? fallback ?? `HTTP ${status} ${response.statusText}`.trim();
  return new (type ?? errorClassFor(status))(clip(`${status}${code ? ' ' + code : ''}: ${said}${redirect}`), {
    status,
    code,
    details,
    // The header's id, else the body's.
    requestId: requestId ?? preset.requestId?.(body),
    headers,
    body: text,
  });
}

/** Parses a success body as JSON (a 204 has none: undefined). A body that is not JSON, an empty one included, is a typed error, never a crash in user code. */
export async function parseJSON(response: Response, requestId: string | undefined, scrub: (text: string) => string): Promise<unknown> {
  const { status } = response;
  if (status === 204) return undefined;
  const text = await response.text();
  const body = tryJSON(text);
  if (body === undefined) {
    const shown = scrub(text);
    throw new InvalidResponseError(`${status}: expected JSON, got "${shown.slice(0, 80)}"`, { status, requestId, headers: scrubHeaders(response, scrub), body: shown });
  }
  return body;
}
