// Error messages stay readable whatever the body: no HTML page, never empty, at most 1,000
// characters (src/response.ts errorFromResponse, src/stream.ts frameError). Each test names the
// counterexample fast-check first found, before the fix.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { aerostackPreset, type SDKError } from '../../src';
import { errorFromResponse } from '../../src/response';
import { Stream } from '../../src/stream';
import { body, htmlPage, respond, status, statusText } from './error-bodies';
import { runs } from './support';

/** A "sane" bound for an error message: a few lines of a terminal or a log, not a body. */
const MAX_MESSAGE = 1000;
const HTML = /<(!doctype|html|head|body|\?xml)\b/i;

describe('error messages', () => {
  // Shrinks to status 400, body " <!DOCTYPE html><head><title></title></head><body><h1>502 Bad
  // Gateway</h1></body></html>\n" (any page of at most 200 characters with whitespace in front):
  // the `(?!<)` test of the fallback looks at the text before `.trim()`, so a leading space or
  // newline lets the page through as error.message.
  it('never puts a raw HTML page in the message, also when it starts with whitespace', async () => {
    await fc.assert(
      fc.asyncProperty(htmlPage, status, statusText, async (page, s, reason) => {
        const error = await errorFromResponse(respond({ kind: 'text', text: page, label: 'html' }, s, reason), aerostackPreset, undefined, String);
        expect(error.message).not.toMatch(HTML);
      }),
      { numRuns: runs(500) },
    );
  });

  // Shrinks to status 400 with {"error":"xxx…"} (or "message", or "code", depending on the seed)
  // of just under MAX_MESSAGE characters, so the whole message is just over it: a message or code
  // from a JSON body is used whole, however long (a 100 KB message gives a 100 KB error.message,
  // printed in full by every log line and stack trace).
  it(`keeps the message under ${MAX_MESSAGE} characters whatever the body`, async () => {
    await fc.assert(
      fc.asyncProperty(body, status, statusText, async (b, s, reason) => {
        const error = await errorFromResponse(respond(b, s, reason), aerostackPreset, undefined, String);
        expect(error.message.length).toBeLessThanOrEqual(MAX_MESSAGE);
      }),
      { numRuns: runs(500) },
    );
  });

  // Shrinks to status 400 and body " ": the trimmed fallback is "", which is not nullish, so the
  // message is "400: " with nothing after it, where an empty body gives "400: HTTP 400 ...".
  it('never gives an empty message for a whitespace-only body', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: fc.constantFrom(' ', '\t', '\n', '\r'), minLength: 1, maxLength: 20 }), status, async (t, s) => {
        const error = await errorFromResponse(new Response(t, { status: s }), aerostackPreset, undefined, String);
        expect(error.message.slice(`${s}: `.length).trim()).not.toBe('');
      }),
      { numRuns: runs(200) },
    );
  });

  // Shrinks to status 400 with {"error":"<!DOCTYPE html><head><title></title></head>…"}: a gateway
  // that wraps the upstream's HTML page in JSON gets the page into the message. (Arguably the
  // server's own words; listed so that it is decided.)
  it('never puts an HTML page from a JSON error field in the message', async () => {
    await fc.assert(
      fc.asyncProperty(htmlPage, fc.constantFrom('error', 'message'), status, async (page, key, s) => {
        const error = await errorFromResponse(Response.json({ [key]: page.trim() }, { status: s }), aerostackPreset, undefined, String);
        expect(error.message).not.toMatch(HTML);
      }),
      { numRuns: runs(100) },
    );
  });

  // Shrinks to n = 1001: an `event: error` frame whose data is 1,001 characters of plain text.
  // frameError uses the whole frame as the message (a malformed frame's is cut to 100).
  it(`keeps a StreamError's message from an error event under ${MAX_MESSAGE} characters`, async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 100_000 }), fc.boolean(), async (n, asJSON) => {
        const data = asJSON ? JSON.stringify({ error: { message: 'x'.repeat(n) } }) : 'x'.repeat(n);
        const stream = new Stream(new Response(`event: error\ndata: ${data}\n\n`));
        let error: SDKError | undefined;
        const values: unknown[] = [];
        try {
          for await (const value of stream) values.push(value);
        } catch (e) {
          error = e as SDKError;
        }
        expect(error?.name).toBe('StreamError');
        expect(error!.message.length).toBeLessThanOrEqual(MAX_MESSAGE);
      }),
      { numRuns: runs(200) },
    );
  });
});
