// Properties of error-body decoding (src/response.ts errorFromResponse / defaultParseError,
// src/errors.ts errorClassFor): whatever a 4xx/5xx carries — JSON of any shape, broken JSON,
// HTML, megabytes, nothing, a body that fails while read — the call rejects with the APIError
// subclass of the status, whose fields are what the body said. (The properties that do NOT hold
// today are in errors.bug.test.ts.)
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AerostackClient, aerostackPreset, APIError, defaultParseError, errorClassFor, request, SDKError } from '../../src';
import { errorFromResponse } from '../../src/response';
import { body, htmlPage, respond, status, statusText, type Body } from './error-bodies';
import { runs, text } from './support';

const CLASSES: Record<number, string> = { 400: 'BadRequestError', 401: 'AuthenticationError', 403: 'PermissionDeniedError', 404: 'NotFoundError', 409: 'ConflictError', 422: 'UnprocessableEntityError', 429: 'RateLimitError' };

describe('errorClassFor', () => {
  it('maps every status 400-599 to the documented class', () => {
    fc.assert(
      fc.property(status, (s) => {
        const kind = CLASSES[s] ?? (s >= 500 ? 'InternalServerError' : 'APIError');
        expect(errorClassFor(s).kind).toBe(kind);
      }),
      { numRuns: runs(1000) },
    );
  });
});

describe('errorFromResponse: any status, any body', () => {
  it('always resolves to the APIError subclass of the status, with the raw body, headers and request id', async () => {
    await fc.assert(
      fc.asyncProperty(body, status, statusText, fc.option(fc.stringMatching(/^req_[a-z0-9]{1,12}$/), { nil: undefined }), async (b, s, reason, requestId) => {
        const response = respond(b, s, reason, requestId ? { 'x-request-id': requestId } : {});
        const error = await errorFromResponse(response, aerostackPreset, requestId, String);
        const Class = errorClassFor(s);
        expect(error).toBeInstanceOf(Class);
        expect(error).toBeInstanceOf(APIError);
        expect(error.constructor).toBe(Class);
        expect(error.name).toBe(Class.kind);
        expect(error.status).toBe(s);
        expect(typeof error.message).toBe('string');
        expect(error.message.startsWith(`${s}`)).toBe(true);
        expect(error.code === undefined || (typeof error.code === 'string' && error.code !== '')).toBe(true);
        expect(error.requestId).toBe(requestId);
        // A copy (with the key cut out of every value, when the client has one).
        expect([...(error.headers as Headers)]).toEqual([...response.headers]);
        const sent = asRead(b);
        expect(error.body).toBe(sent);
        // The message says what the body says, when it says something readable (trimmed, not an
        // HTML page), cut to 1,000 characters.
        const info = defaultParseError(tryParse(sent));
        const said = info.message?.trim();
        const whole = `${s}${info.code ? ` ${info.code}` : ''}: ${said}`;
        if (said && !said.startsWith('<')) expect(error.message).toBe(whole.slice(0, 1000));
        if (info.code !== undefined) expect(error.code).toBe(info.code);
      }),
      { numRuns: runs(1500) },
    );
  });

  it('takes no message from an HTML page that starts with "<", whatever its size', async () => {
    await fc.assert(
      fc.asyncProperty(htmlPage.map((p) => p.trimStart().replace(/^\uFEFF/, '')), status, statusText, async (page, s, reason) => {
        const error = await errorFromResponse(respond({ kind: 'text', text: page, label: 'html' }, s, reason), aerostackPreset, undefined, String);
        expect(error.message).toBe(`${s}: HTTP ${s} ${reason}`.trim());
      }),
      { numRuns: runs(500) },
    );
  });

  it('uses a short plain-text body (1 to 200 characters, not JSON, not HTML) as the message, trimmed', async () => {
    const plain = text({ minLength: 1, maxLength: 200, lineBreaks: true }).filter((t) => tryParse(t) === undefined && !t.trim().startsWith('<') && !t.startsWith('\uFEFF') && t.trim() !== '');
    await fc.assert(
      fc.asyncProperty(plain, status, async (t, s) => {
        const error = await errorFromResponse(new Response(t, { status: s }), aerostackPreset, undefined, String);
        expect(error.message).toBe(`${s}: ${t.trim()}`);
      }),
      { numRuns: runs(1000) },
    );
  });

  it('keeps the message short when the server put no message in the body (at most 200 characters of it)', async () => {
    await fc.assert(
      fc.asyncProperty(body, status, statusText, async (b, s, reason) => {
        const info = defaultParseError(tryParse(asRead(b)));
        fc.pre(info.message === undefined && info.code === undefined);
        const error = await errorFromResponse(respond(b, s, reason), aerostackPreset, undefined, String);
        expect(error.message.length).toBeLessThanOrEqual(`${s}: `.length + 200);
      }),
      { numRuns: runs(1000) },
    );
  });

  it('through a client: every failing call rejects with an SDKError of the status class, never anything else', async () => {
    await fc.assert(
      fc.asyncProperty(body, status, statusText, fc.constantFrom('GET', 'POST'), async (b, s, reason, method) => {
        const client = new AerostackClient({ apiKey: 'k', fetch: async () => respond(b, s, reason), maxRetries: 0, logLevel: 'off' });
        const error = await request(client, { method, path: '/x', body: method === 'POST' ? {} : undefined }).then(
          () => undefined,
          (e: unknown) => e,
        );
        expect(error).toBeInstanceOf(SDKError);
        expect(error).toBeInstanceOf(errorClassFor(s));
        expect((error as APIError).status).toBe(s);
      }),
      { numRuns: runs(500) },
    );
  });
});

/** The body as `Response.text()` reads it (UTF-8, a leading BOM dropped); '' for one that fails while read. */
function asRead(b: Body): string {
  if (b.kind === 'broken') return '';
  return new TextDecoder().decode(b.kind === 'text' ? new TextEncoder().encode(b.text) : b.bytes);
}

function tryParse(t: string): unknown {
  try {
    return JSON.parse(t) as unknown;
  } catch {
    return undefined;
  }
}
