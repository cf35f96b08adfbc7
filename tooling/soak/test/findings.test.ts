// Bugs the soak found, each reduced to one call, kept as regression tests (both fixed).
//
// 1. @aerostack/storage `get`: when the connection drops mid-body, reading the download
//    (`text()`, `bytes()`, `blob()`, `json()`, `body`) rejects with the transport's raw error —
//    `TypeError: terminated` (fetch) or `Error: aborted` (node) — not an SDKError. Every other call
//    turns the same cut into an APIConnectionError (and retries it); the core README promises that
//    every error is an SDKError. Seen in the soak (e.g. SOAK_SEED=4). Fixed in get.ts: the read methods
//    turn it into an APIConnectionError.
//
// 2. Emulator idempotency on streamed answers: a streamed POST (`ai.chatStream`,
//    `gateway.chatCompletionsStream`) whose first attempt timed out is retried by the core with the
//    same Idempotency-Key (as documented for every POST), and the emulator runs it again: the
//    middleware drops its claim as soon as a text/event-stream response starts ("streams are not
//    kept"), so the retry runs the route, and the timed-out first request, still running on the
//    server, runs it once more when its latency ends. The write log shows 2 (or 3) writes for one
//    key, and the gateway charges the consumer's wallet twice. The emulator README promises "run
//    once per (project, key)" with no exception for streams. The same call unstreamed is charged once.
import { AerostackClient, APIConnectionError, SDKError, type RequestContext } from '@aerostack/core';
import * as ai from '@aerostack/ai';
import * as gateway from '@aerostack/gateway';
import * as storage from '@aerostack/storage';
import { startEmulator, type Emulator } from '@aerostack/emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Control } from './support/control';
import { sleep } from './support/resources';

let emulator: Emulator;
let control: Control;

beforeAll(async () => {
  emulator = await startEmulator({ aerostackPort: 0, smarterPort: 0, inMemory: true });
  control = new Control(emulator.aerostackURL);
});

afterAll(async () => {
  await emulator.stop();
});

/** A client that puts `fault` into the first attempt only (the emulator's one-off fault header). */
function client(transport: 'node' | 'fetch', fault?: string): AerostackClient {
  return new AerostackClient({
    apiKey: emulator.keys[0],
    baseURL: emulator.aerostackURL,
    transport,
    logLevel: 'off',
    retry: { initialDelay: 20, maxDelay: 200 },
    hooks: {
      beforeRequest: (ctx: RequestContext) => {
        if (fault && ctx.attempt === 0) ctx.headers['x-emulator-fault'] = fault;
      },
    },
  });
}

const writesWith = async (key: string) => (await control.writes(emulator.keys[0] as string)).filter((w) => w.idempotency_key === key).length;

describe.each(['node', 'fetch'] as const)('%s transport', (transport) => {
  it('storage.get: a download cut mid-body rejects with an SDKError (APIConnectionError), not the raw transport error', async () => {
    const key = `bug/cut-download-${transport}.txt`;
    await storage.upload(client(transport), { key, file: 'x'.repeat(4096) });
    // The headers arrive (200), then the connection is closed halfway through the body.
    const file = await storage.get(client(transport, 'drop'), { key });
    const error = await file.text().then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeDefined();
    expect(error, `got ${(error as Error).constructor.name}: ${(error as Error).message}`).toBeInstanceOf(SDKError);
    expect(error).toBeInstanceOf(APIConnectionError);
  });

  it('gateway.chatCompletionsStream retried after a timeout runs once: one write for its Idempotency-Key, the wallet charged once', async () => {
    const apiSlug = `bug-stream-${transport}`;
    const consumerKey = emulator.consumerKeys[emulator.keys[0] as string] as string;
    const idempotencyKey = `bug-gateway-stream-${transport}`;
    const before = (await gateway.getWallet(client(transport), { apiSlug }, { consumerKey })).wallet.total_consumed;
    // Attempt 0 waits 1500 ms on the server, past the 600 ms timeout; attempt 1 goes through.
    const stream = await gateway.chatCompletionsStream(
      client(transport, 'latency=1500'),
      { apiSlug, messages: [{ role: 'user', content: 'alpha bravo cedar' }] },
      { consumerKey, idempotencyKey, timeout: 600 },
    );
    let text = '';
    for await (const chunk of stream) text += chunk.choices[0]?.delta.content ?? '';
    expect(text).toBe('You said: alpha bravo cedar');
    await sleep(1500); // the timed-out first request is done on the server
    const charged = (await gateway.getWallet(client(transport), { apiSlug }, { consumerKey })).wallet.total_consumed - before;
    // One completion of these words costs 8 tokens (3 prompt words + 5 answer words).
    expect({ writes: await writesWith(idempotencyKey), charged }).toEqual({ writes: 1, charged: 8 });
  });

  it('ai.chatStream retried after a timeout runs once per Idempotency-Key', async () => {
    const idempotencyKey = `bug-ai-stream-${transport}`;
    const stream = await ai.chatStream(client(transport, 'latency=1500'), { messages: [{ role: 'user', content: 'alpha bravo' }] }, { idempotencyKey, timeout: 600 });
    let text = '';
    for await (const chunk of stream) text += chunk.choices[0]?.delta.content ?? '';
    expect(text).toBe('You said: alpha bravo');
    await sleep(1500);
    expect(await writesWith(idempotencyKey)).toBe(1);
  });
});
