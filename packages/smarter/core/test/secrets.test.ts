// The Smarter key (sent as `Authorization: Token <key>`) is in no log line at 'debug' and in no
// error, through the Smarter preset's own paths: envelopes, the error envelope with its stack
// trace, the 403/503 reclassification, generation detection, retries, timeouts, aborts, streams,
// refused redirects and bad input.
import { describe, expect, it } from 'vitest';
import { get, invalidInput, post, request, type RequestOptions, SmarterClient, streamRequest } from '../src';
// Relative, as core's own tests do: @aerostack-internal/test-utils depends on this package.
import { json, scriptedFetch, type Reply } from '../../../../tooling/test-utils/src/fetch';
import { capturingLogger, exposure, leaks, secretKey } from '../../../../tooling/test-utils/src/secrets';

const KEY = secretKey('smarter_secret_');
const JOURNAL = 'a1'.repeat(32);
const API = 'https://platform.smarter.sh/api/v1/';

const envelope = (data: unknown) => json({ data, api: 'smarter.sh/v1', thing: 'Chatbot', metadata: { key: JOURNAL } });
const failure = (status: number, errorClass: string, description: string) =>
  json({ error: { errorClass, description, status, stacktrace: 'Traceback (most recent call last):\n  File "views.py"...' }, api: 'smarter.sh/v1', metadata: { key: JOURNAL } }, status);
const hang: Reply = (req) =>
  new Promise<Response>((_, reject) => {
    const signal = req.init.signal!;
    signal.addEventListener('abort', () => reject(signal.reason as Error), { once: true });
  });
const fast: RequestOptions = { retry: { initialDelay: 1 } };
const abortAfter = (ms: number): AbortSignal => {
  const controller = new AbortController();
  setTimeout(() => controller.abort(), ms);
  return controller.signal;
};

const scenarios: [string, () => Reply[], (c: SmarterClient) => PromiseLike<unknown>, string | undefined][] = [
  ['whoami, unwrapped from the envelope', () => [envelope({ username: 'u' })], (c) => post(c, 'cli/whoami/', {}), undefined],
  ['generation detection', () => [envelope({ username: 'u' })], (c) => c.generation(), undefined],
  ['generation detection that fails (a read: retried)', () => [1, 2, 3].map(() => failure(500, 'SmarterConfigurationError', 'failed')), (c) => c.generation(), 'InternalServerError'],
  ['403 "authentication failed" (an AuthenticationError)', () => [failure(403, 'SmarterAPIV1CLIViewErrorNotAuthenticated', 'authentication failed')], (c) => post(c, 'cli/whoami/', {}), 'AuthenticationError'],
  ['403 forbidden', () => [json({ error: 'Too many 404 responses' }, 403)], (c) => get(c, 'cli/get/chatbot/'), 'PermissionDeniedError'],
  ['503 "not found" (a NotFoundError, not retried)', () => [failure(503, 'SAMBrokerErrorNotReady', 'Chatbot x not found')], (c) => get(c, 'cli/describe/chatbot/', { name: 'x' }), 'NotFoundError'],
  ['500 with a stack trace in the envelope', () => [failure(500, 'SmarterConfigurationError', 'failed\nReport a bug')], (c) => post(c, 'cli/apply/', { manifest: 'x' }), 'InternalServerError'],
  ['a GET: 502, retried, then 200', () => [json({}, 502), envelope([])], (c) => get(c, 'cli/get/chatbot/', undefined, fast), undefined],
  ['connection errors, retried', () => [new TypeError('fetch failed'), new TypeError('fetch failed'), new TypeError('fetch failed')], (c) => get(c, 'cli/status/', undefined, fast), 'APIConnectionError'],
  ['timeouts, retried', () => [hang, hang, hang], (c) => get(c, 'cli/status/', undefined, { ...fast, timeout: 5 }), 'APIConnectionTimeoutError'],
  ['an abort in flight', () => [hang], (c) => get(c, 'cli/status/', undefined, { signal: abortAfter(5) }), 'APIUserAbortError'],
  [
    'a chat stream with an error frame',
    () => [new Response('data: {"choices":[]}\n\ndata: {"error":{"message":"overloaded"}}\n\n')],
    async (c) => {
      const values: unknown[] = [];
      for await (const value of await streamRequest(c, { method: 'POST', path: 'cli/prompt/bot/', body: {} })) values.push(value);
      return values;
    },
    'StreamError',
  ],
  ['a redirect to another origin, refused', () => [new Response(null, { status: 302, headers: { location: 'https://evil.example.com/' } })], (c) => post(c, 'cli/whoami/', {}), 'APIError'],
  ['bad input', () => [], (c) => request(c, { method: 'POST', path: 'cli/apply/', check: () => invalidInput('manifest: a non-empty string', 'manifest') }), 'InvalidRequestError'],
];

describe('the Smarter key never leaks', () => {
  it.each(scenarios)('%s', async (_, replies, call, fails) => {
    const { logger, lines, all } = capturingLogger();
    const fetch = scriptedFetch(...replies());
    const client = new SmarterClient({ apiKey: KEY.key, fetch, logger, logLevel: 'debug', retry: { initialDelay: 1 } });
    let error: unknown;
    let result: unknown;
    try {
      result = await call(client);
    } catch (e) {
      error = e;
    }
    expect((error as Error | undefined)?.name).toBe(fails);
    for (const sent of fetch.calls) {
      expect(sent.headers.authorization).toBe(`Token ${KEY.key}`);
      expect(sent.url.startsWith(API)).toBe(true);
    }
    if (fetch.calls.length > 0) expect(lines.some(([, , headers]) => (headers as Record<string, string> | undefined)?.authorization === '***')).toBe(true);
    expect(leaks(all(), KEY)).toEqual([]);
    expect(leaks(exposure(error), KEY)).toEqual([]);
    expect(leaks(exposure(result), KEY)).toEqual([]);
  });
});
