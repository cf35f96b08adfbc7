// The burst scenario (issue 13, item 1): on one client, a burst of concurrent `cache.get` calls,
// then concurrent 1 MiB `storage.upload` calls, with in-memory bytes and with streamed bodies, on
// both transports. Unchecked, a burst opens a connection per request; the emulator (workerd) closes
// a connection whose next request it has not read within 5 s of its last answer, or a new one
// within 15 s, and a loaded machine makes it read late. Both transports must carry every upload
// without a connection reset reaching the call (no retry, no failure), and do no upload twice.
// Seeded (SOAK_SEED: keys and bytes) and bounded (fixed counts, below).
import { AerostackClient, SDKError } from '@aerostack/core';
import * as cache from '@aerostack/cache';
import * as storage from '@aerostack/storage';
import { startEmulator, type Emulator } from '@aerostack/emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { int, readConfig } from './support/config';
import { Control } from './support/control';
import { createRng } from './support/prng';

const config = readConfig();
const GETS = int('SOAK_BURST_GETS', 500, 1);
const UPLOADS = int('SOAK_BURST_UPLOADS', 200, 1);
const SIZE = int('SOAK_BURST_BYTES', 1024 * 1024, 1);

let emulator: Emulator;
let control: Control;
const figures: Record<string, unknown> = {};

beforeAll(async () => {
  emulator = await startEmulator({ aerostackPort: 0, smarterPort: 0, inMemory: true });
  control = new Control(emulator.aerostackURL);
});

afterAll(async () => {
  console.log(`burst (seed ${config.seed}, ${GETS} gets then ${UPLOADS} uploads of ${SIZE} bytes):\n${JSON.stringify(figures, null, 2)}`);
  await emulator.stop();
});

interface Outcome {
  ok: number;
  retries: string[];
  errors: string[];
  keys: Set<string>;
}

/** An error's message, with its causes' (fetch says only `fetch failed`; undici's cause names the socket error). */
function causes(error: Error): string {
  const chain: string[] = [];
  for (let e: unknown = error.cause; e instanceof Error && chain.length < 3; e = e.cause) chain.push((e as { code?: string }).code ?? e.message);
  return [error.message, ...chain].join(' <- ');
}

/** One client: the burst of reads, then the uploads all at once; what became of each. */
async function run(transport: 'node' | 'fetch', kind: 'bytes' | 'stream', label: string): Promise<Outcome> {
  const rng = createRng(config.seed).fork(label);
  const fill = rng.int(0, 255);
  const bytes = new Uint8Array(SIZE).map((_, i) => (fill + i) & 0xff);
  const outcome: Outcome = { ok: 0, retries: [], errors: [], keys: new Set() };
  const client = new AerostackClient({
    apiKey: emulator.keys[0] as string,
    baseURL: emulator.aerostackURL,
    transport,
    logLevel: 'off',
    hooks: {
      beforeRequest: (ctx) => {
        const key = ctx.headers['idempotency-key'];
        if (key) outcome.keys.add(key);
      },
      beforeRetry: (error) => void outcome.retries.push(causes(error)),
    },
  });
  const gets = await Promise.allSettled(Array.from({ length: GETS }, () => cache.get(client, { key: `burst-${rng.int(0, 1e9)}` })));
  expect(gets.filter((g) => g.status === 'rejected')).toEqual([]);
  const readRetries = outcome.retries.length;
  const prefix = `burst/${label}-${rng.int(0, 1e9)}`;
  const uploads = await Promise.allSettled(
    Array.from({ length: UPLOADS }, (_, i) => storage.upload(client, { key: `${prefix}/${i}.bin`, file: kind === 'bytes' ? bytes : new Blob([bytes]).stream() })),
  );
  for (const u of uploads) {
    if (u.status === 'fulfilled') outcome.ok++;
    else outcome.errors.push(u.reason instanceof SDKError ? `${u.reason.name}: ${causes(u.reason)}` : `untyped: ${String(u.reason)}`);
  }
  const count = (list: string[]) => list.reduce<Record<string, number>>((all, m) => ({ ...all, [m]: (all[m] ?? 0) + 1 }), {});
  figures[label] = { uploadsOk: `${outcome.ok}/${UPLOADS}`, readRetries, uploadRetries: count(outcome.retries.slice(readRetries)), failures: count(outcome.errors) };
  return outcome;
}

/** No upload key was written twice (a re-sent upload is replayed from the idempotency record, not run again). */
async function writtenOnce(keys: Set<string>): Promise<void> {
  const rows = (await control.writes(emulator.keys[0] as string)).filter((w) => w.idempotency_key && keys.has(w.idempotency_key));
  const twice = rows.filter((w, i) => rows.findIndex((o) => o.idempotency_key === w.idempotency_key) !== i);
  expect(twice).toEqual([]);
}

describe(`burst: ${GETS} concurrent cache.get, then ${UPLOADS} concurrent uploads on the same client`, () => {
  for (const transport of ['node', 'fetch'] as const) {
    for (const kind of ['bytes', 'stream'] as const) {
      it(`${transport} transport, ${kind} bodies: every upload succeeds, and no connection reset reaches the call`, async () => {
        const outcome = await run(transport, kind, `${transport}-${kind}`);
        expect(outcome.errors).toEqual([]);
        expect(outcome.retries).toEqual([]);
        expect(outcome.ok).toBe(UPLOADS);
        await writtenOnce(outcome.keys);
      });
    }
  }
});
