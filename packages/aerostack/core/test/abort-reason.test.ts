// An abort keeps the signal's reason as the error's cause: before, it was replaced by the
// transport's own AbortError (or by nothing at all, during a retry wait).
import { describe, expect, it } from 'vitest';
import { AerostackClient, APIUserAbortError, get, streamRequest } from '../src';
import { json, rejection, scriptedFetch, type Reply } from './helpers';

const hang: Reply = (req) =>
  new Promise<Response>((_, reject) => {
    const signal = req.init.signal!;
    signal.addEventListener('abort', () => reject(signal.reason as Error), { once: true });
  });

describe("an abort's reason", () => {
  it('is the cause when the signal fires during a request', async () => {
    const controller = new AbortController();
    const reason = new Error('user navigated away');
    const client = new AerostackClient({ apiKey: 'k', fetch: scriptedFetch(hang) });
    const call = get(client, '/x', undefined, { signal: controller.signal });
    setTimeout(() => controller.abort(reason), 5);
    const error = await rejection(call);
    expect(error).toBeInstanceOf(APIUserAbortError);
    expect(error.cause).toBe(reason);
  });

  it('is the cause when the signal fires during a retry wait', async () => {
    const controller = new AbortController();
    const client = new AerostackClient({ apiKey: 'k', fetch: scriptedFetch(json({}, 503)) });
    const call = get(client, '/x', undefined, { signal: controller.signal, retry: { initialDelay: 60_000, maxDelay: 60_000 } });
    setTimeout(() => controller.abort('shutting down'), 20);
    const error = await rejection(call);
    expect(error).toBeInstanceOf(APIUserAbortError);
    expect(error.cause).toBe('shutting down');
  });

  it('is the cause when the signal had fired before the call', async () => {
    const reason = new Error('already cancelled');
    const fetch = scriptedFetch();
    const error = await rejection(get((new AerostackClient({ apiKey: 'k', fetch })), '/x', undefined, { signal: AbortSignal.abort(reason) }));
    expect(error).toBeInstanceOf(APIUserAbortError);
    expect(error.cause).toBe(reason);
    expect(fetch.calls).toHaveLength(0);
  });

  it('is the cause when the signal fires while a stream is being read', async () => {
    const controller = new AbortController();
    // One event, then nothing until the request's signal aborts: the body then errors, as fetch's does.
    const fetch = scriptedFetch(
      (req) =>
        new Response(
          new ReadableStream<Uint8Array>({
            start(body) {
              body.enqueue(new TextEncoder().encode('data: {"n":1}\n\n'));
              req.init.signal!.addEventListener('abort', () => body.error(req.init.signal!.reason), { once: true });
            },
          }),
          { headers: { 'content-type': 'text/event-stream' } },
        ),
    );
    const stream = await streamRequest<{ n: number }>(new AerostackClient({ apiKey: 'k', fetch }), { method: 'POST', path: '/ai/chat', body: {} }, { signal: controller.signal });
    const reason = new Error('user closed the chat');
    const seen: number[] = [];
    const error = await rejection(
      (async () => {
        for await (const chunk of stream) {
          seen.push(chunk.n);
          controller.abort(reason);
        }
      })(),
    );
    expect(seen).toEqual([1]);
    expect(error).toBeInstanceOf(APIUserAbortError);
    expect(error.cause).toBe(reason);
  });
});
