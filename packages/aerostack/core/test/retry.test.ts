import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  AerostackClient,
  aerostackPreset,
  APIConnectionError,
  APIConnectionTimeoutError,
  APIUserAbortError,
  Client,
  InternalServerError,
  NotFoundError,
  post,
  RateLimitError,
  request,
  type SDKError,
} from '../src';
import { backoffDelay, DEFAULT_RETRY, retryAfterMs } from '../src/retry';
import { json, plainClient, scriptedFetch, type Reply } from './helpers';

const quiet = { logLevel: 'off' as const };

beforeEach(() => {
  vi.useFakeTimers();
  vi.spyOn(Math, 'random').mockReturnValue(0); // no jitter: exact delays
});
afterEach(() => vi.useRealTimers());

/** Runs a call to completion under the fake clock, returning its result or error. */
async function settle<T>(promise: PromiseLike<T>): Promise<T | SDKError> {
  const caught = Promise.resolve(promise).catch((e: unknown) => e as SDKError);
  await vi.runAllTimersAsync();
  return caught;
}

function client(...replies: Reply[]) {
  const fetch = scriptedFetch(...replies);
  return { fetch, client: new AerostackClient({ apiKey: 'k', fetch, ...quiet }) };
}

describe('retry policy', () => {
  it('retries 503 twice with 0.5 s then 1 s backoff, then throws the last error', async () => {
    const { fetch, client: c } = client(json({ message: 'a' }, 503), json({ message: 'b' }, 503), json({ message: 'c' }, 503));
    const error = await settle(post(c, '/x', {}));
    expect(error).toBeInstanceOf(InternalServerError);
    expect((error as InternalServerError).message).toBe('503: c');
    expect(fetch.calls).toHaveLength(3);
    expect(fetch.calls[1]!.at - fetch.calls[0]!.at).toBe(500);
    expect(fetch.calls[2]!.at - fetch.calls[1]!.at).toBe(1000);
    expect(fetch.calls.map((r) => r.headers['x-retry-count'])).toEqual(['0', '1', '2']);
  });

  it('keeps one idempotency key across every attempt of a call, and a new one per call', async () => {
    const { fetch, client: c } = client(json({}, 500), json({}, 502), json({ ok: 1 }), json({ ok: 2 }));
    expect(await settle(post(c, '/queue/enqueue', { type: 't', data: 1 }))).toEqual({ ok: 1 });
    await settle(post(c, '/queue/enqueue', { type: 't', data: 1 }));
    const keys = fetch.calls.map((r) => r.headers['idempotency-key']);
    expect(new Set(keys.slice(0, 3)).size).toBe(1);
    expect(keys[3]).not.toBe(keys[0]);
  });

  it.each([408, 429, 500, 502, 503, 504])('retries %i', async (status) => {
    const { fetch, client: c } = client(json({}, status), json({ ok: true }));
    expect(await settle(post(c, '/x', {}))).toEqual({ ok: true });
    expect(fetch.calls).toHaveLength(2);
  });

  it.each([400, 401, 403, 404, 409, 422, 501])('does not retry %i', async (status) => {
    const { fetch, client: c } = client(json({ code: 'E', message: 'no' }, status), json({}));
    const error = await settle(post(c, '/x', {}));
    expect((error as SDKError).status).toBe(status);
    expect(fetch.calls).toHaveLength(1);
  });

  it('honours Retry-After in seconds', async () => {
    const { fetch, client: c } = client(json({ code: 'RATE_LIMIT_EXCEEDED', message: 'slow' }, 429, { 'retry-after': '3' }), json({}));
    await settle(post(c, '/x', {}));
    expect(fetch.calls[1]!.at - fetch.calls[0]!.at).toBe(3000);
  });

  it('honours Retry-After as an HTTP date', async () => {
    const { fetch, client: c } = client(
      () => json({}, 503, { 'retry-after': new Date(Date.now() + 7000).toUTCString() }),
      json({}),
    );
    await settle(post(c, '/x', {}));
    const waited = fetch.calls[1]!.at - fetch.calls[0]!.at;
    expect(waited).toBeGreaterThan(6000); // HTTP dates have whole seconds
    expect(waited).toBeLessThanOrEqual(7000);
  });

  it('honours retry-after-ms over Retry-After', async () => {
    const { fetch, client: c } = client(json({}, 429, { 'retry-after-ms': '250', 'retry-after': '9' }), json({}));
    await settle(post(c, '/x', {}));
    expect(fetch.calls[1]!.at - fetch.calls[0]!.at).toBe(250);
  });

  it('does not wait for a Retry-After longer than 60 s: throws the rate-limit error with its headers', async () => {
    const { fetch, client: c } = client(json({ code: 'RATE_LIMIT_EXCEEDED', message: 'later' }, 429, { 'retry-after': '120' }), json({}));
    const error = await settle(post(c, '/x', {}));
    expect(error).toBeInstanceOf(RateLimitError);
    expect((error as RateLimitError).headers?.get('retry-after')).toBe('120');
    expect((error as RateLimitError).code).toBe('RATE_LIMIT_EXCEEDED');
    expect(fetch.calls).toHaveLength(1);
  });

  it('caps backoff at 8 s and applies up to 25% jitter', () => {
    expect(backoffDelay(0, DEFAULT_RETRY)).toBe(500);
    expect(backoffDelay(3, DEFAULT_RETRY)).toBe(4000);
    expect(backoffDelay(10, DEFAULT_RETRY)).toBe(8000);
    vi.spyOn(Math, 'random').mockReturnValue(0.999);
    expect(backoffDelay(0, DEFAULT_RETRY)).toBeCloseTo(375.1, 0);
  });

  it('parses retry headers and ignores junk', () => {
    const h = (o: Record<string, string>) => new Headers(o);
    expect(retryAfterMs(h({ 'retry-after': '0' }))).toBe(0);
    expect(retryAfterMs(h({ 'retry-after': '1.5' }))).toBe(1500);
    expect(retryAfterMs(h({ 'retry-after': 'soon' }))).toBeUndefined();
    expect(retryAfterMs(h({}))).toBeUndefined();
    expect(retryAfterMs(h({ 'retry-after-ms': 'x', 'retry-after': '2' }))).toBe(2000);
    expect(retryAfterMs(h({ 'retry-after': new Date(Date.now() - 5000).toUTCString() }))).toBe(0);
  });

  it('changes the policy per client and per call', async () => {
    const fetch = scriptedFetch(...Array.from({ length: 10 }, () => json({}, 503)));
    const c = new AerostackClient({ apiKey: 'k', fetch, maxRetries: 4, retry: { initialDelay: 100 }, ...quiet });
    await settle(post(c, '/x', {}));
    expect(fetch.calls).toHaveLength(5);
    expect(fetch.calls[1]!.at - fetch.calls[0]!.at).toBe(100);
    await settle(post(c, '/x', {}, { maxRetries: 0 }));
    expect(fetch.calls).toHaveLength(6);
    await settle(post(c, '/x', {}, { retry: { maxRetries: 1, statuses: [429] } }));
    expect(fetch.calls).toHaveLength(7); // 503 no longer retried
  });

  it('retries connection errors', async () => {
    const { fetch, client: c } = client(new TypeError('fetch failed'), json({ ok: 1 }));
    expect(await settle(post(c, '/x', {}))).toEqual({ ok: 1 });
    expect(fetch.calls).toHaveLength(2);
  });

  it('raises APIConnectionError with the cause when connections keep failing', async () => {
    const cause = new TypeError('fetch failed');
    const { client: c } = client(cause, cause, cause);
    const error = await settle(post(c, '/x', {}));
    expect(error).toBeInstanceOf(APIConnectionError);
    expect((error as Error).cause).toBe(cause);
    expect((error as Error).message).toBe('Connection error: fetch failed');
  });

  it('never retries a POST when the platform has no idempotency keys, unless the operation is a read', async () => {
    const fetch = scriptedFetch(json({}, 503), json({}, 503), json({ ok: 1 }));
    const c = plainClient({ fetch, ...quiet });
    await settle(post(c, '/cli/chat/', { prompt: 'hi' }));
    expect(fetch.calls).toHaveLength(1);
    expect(fetch.calls[0]!.headers['idempotency-key']).toBeUndefined();
    expect(await settle(request(c, { method: 'POST', path: '/cli/describe/', idempotent: true }))).toEqual({ ok: 1 });
    expect(fetch.calls).toHaveLength(3);
  });

  it("does not retry a status the preset reads as a failure no retry mends (Smarter's 503 '... not found')", async () => {
    const preset = { ...aerostackPreset, parseError: (_body: unknown, status: number) => ({ message: 'Chatbot x not found', ...(status === 503 && { type: NotFoundError }) }) };
    const fetch = scriptedFetch(json({}, 503), json({ ok: 1 }));
    const error = await settle(request((new Client({ apiKey: 'k', fetch, ...quiet }, preset)), { method: 'POST', path: '/describe', idempotent: true }));
    expect(error).toBeInstanceOf(NotFoundError);
    expect(fetch.calls).toHaveLength(1);
  });

  it('retries a POST on such a platform when the caller gives an idempotency key', async () => {
    const fetch = scriptedFetch(json({}, 503), json({ ok: 1 }));
    expect(await settle(post(plainClient({ fetch, ...quiet }), '/x', {}, { idempotencyKey: 'k1' }))).toEqual({ ok: 1 });
    expect(fetch.calls.map((c) => c.headers['idempotency-key'])).toEqual(['k1', 'k1']);
  });

  it('never replays a streamed request body', async () => {
    const { fetch, client: c } = client(json({}, 503), json({}));
    const body = new ReadableStream<Uint8Array>({ start: (ctl) => (ctl.enqueue(new Uint8Array([1])), ctl.close()) });
    const error = await settle(request(c, { method: 'PUT', path: '/up', rawBody: body }));
    expect(error).toBeInstanceOf(InternalServerError);
    expect(fetch.calls).toHaveLength(1);
    expect(fetch.calls[0]!.init.redirect).toBe('error');
    expect((fetch.calls[0]!.init as { duplex?: string }).duplex).toBe('half');
  });
});

describe('timeouts and aborts', () => {
  const hang = (req: { init: RequestInit }) =>
    new Promise<Response>((_, reject) => {
      req.init.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
    });

  it('times out an attempt, retries it, then raises APIConnectionTimeoutError', async () => {
    const { fetch, client: c } = client(hang, hang, hang);
    const error = await settle(post(c, '/x', {}, { timeout: 1000 }));
    expect(error).toBeInstanceOf(APIConnectionTimeoutError);
    expect(error).toBeInstanceOf(APIConnectionError);
    expect((error as Error).message).toBe('Request timed out after 1000 ms');
    expect(fetch.calls).toHaveLength(3);
    expect(fetch.calls[1]!.at - fetch.calls[0]!.at).toBe(1000 + 500);
  });

  it('counts the body read inside the timeout', async () => {
    const slowBody = (req: { init: RequestInit }) => {
      const body = new ReadableStream({
        start(ctl) {
          req.init.signal?.addEventListener('abort', () => ctl.error(new DOMException('aborted', 'AbortError')));
        },
      });
      return new Response(body, { status: 200 });
    };
    const { client: c } = client(slowBody);
    const error = await settle(post(c, '/x', {}, { timeout: 200, maxRetries: 0 }));
    expect(error).toBeInstanceOf(APIConnectionTimeoutError);
  });

  it('aborts a request in flight with APIUserAbortError and does not retry', async () => {
    const { fetch, client: c } = client(hang, json({}));
    const controller = new AbortController();
    const pending = settle(post(c, '/x', {}, { signal: controller.signal }));
    await vi.advanceTimersByTimeAsync(10);
    controller.abort();
    const error = await pending;
    expect(error).toBeInstanceOf(APIUserAbortError);
    expect(fetch.calls).toHaveLength(1);
  });

  it('ends a backoff at once when aborted', async () => {
    const { fetch, client: c } = client(json({}, 503, { 'retry-after': '30' }), json({}));
    const controller = new AbortController();
    const caught = post(c, '/x', {}, { signal: controller.signal }).then(
      () => 'resolved',
      (e: unknown) => e,
    );
    await vi.advanceTimersByTimeAsync(100); // inside the 30 s wait
    const before = Date.now();
    controller.abort();
    const error = await caught;
    expect(error).toBeInstanceOf(APIUserAbortError);
    expect(Date.now() - before).toBe(0);
    expect(fetch.calls).toHaveLength(1);
    expect(vi.getTimerCount()).toBe(0); // the backoff timer is gone
  });

  it('refuses to start with an already aborted signal', async () => {
    const { fetch, client: c } = client(json({}));
    const error = await settle(post(c, '/x', {}, { signal: AbortSignal.abort() }));
    expect(error).toBeInstanceOf(APIUserAbortError);
    expect(fetch.calls).toHaveLength(0);
  });

  it('leaves no timer behind after a successful call', async () => {
    const { client: c } = client(json({}));
    await settle(post(c, '/x', {}));
    expect(vi.getTimerCount()).toBe(0);
  });
});
