// A runaway query (D1's 30 s limit; here 8 s) blocks nothing but its own project: while project A's
// recursive query runs, project B's queries, A's cache, the Smarter API and the health route answer;
// at the limit A's query gets D1's timeout error (400 DB_QUERY_FAILED, which the SDK does not
// retry), and A works again with its tables intact (in memory too: they survive the restart).
// Judged by order (each call is done before the runaway answers), never by a timer.
import * as cache from '@aerostack/cache';
import { AerostackClient } from '@aerostack/core';
import { query, sql } from '@aerostack/database';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from '../src/index';
import { KEY_A, KEY_B } from './helpers/emulator';

const RUNAWAY = 'WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x+1 FROM c) SELECT count(*) FROM c';
/** A hang guard for the calls made during the runaway (with the freeze, they never answer). */
const HANG_GUARD_MS = 60_000;

let emulator: Emulator;
beforeAll(async () => {
  emulator = await startEmulator({ aerostackPort: 0, smarterPort: 0, inMemory: true, keys: [KEY_A, KEY_B], queryTimeoutMs: 8_000 });
});
afterAll(async () => {
  await emulator.stop();
});

describe('a runaway query', () => {
  it('blocks neither other projects, the cache, the Smarter API nor health; it ends in D1\'s timeout error, not retried', async () => {
    let retries = 0;
    const clientOf = (apiKey: string) => new AerostackClient({ apiKey, baseURL: emulator.aerostackURL, logLevel: 'off', hooks: { beforeRetry: () => {
      retries++;
    } } });
    const [a, b] = [clientOf(KEY_A), clientOf(KEY_B)];
    await query(a, sql`CREATE TABLE kept (x INTEGER)`);
    await query(a, sql`INSERT INTO kept VALUES (${1})`);
    await query(b, sql`CREATE TABLE t (x INTEGER)`);

    let runawayDone = false;
    const started = Date.now();
    const runaway = query(a, { sql: RUNAWAY, params: [] }).then(
      (result) => ({ result, error: undefined }),
      (error: unknown) => ({ result: undefined, error }),
    );
    void runaway.finally(() => (runawayDone = true));
    await new Promise((resolve) => setTimeout(resolve, 1_000)); // let it reach SQLite

    const signal = () => AbortSignal.timeout(HANG_GUARD_MS);
    const took: Record<string, number> = {};
    const during = async <T>(name: string, call: PromiseLike<T>): Promise<{ value: T; beforeRunaway: boolean }> => {
      const t0 = Date.now();
      const value = await call;
      took[name] = Date.now() - t0;
      return { value, beforeRunaway: !runawayDone };
    };
    const root = emulator.aerostackURL.replace(/\/v1$/, '');
    const [other, ownCache, smarter, health] = await Promise.all([
      during('project B query', query(b, sql`SELECT count(*) AS n FROM t`, { signal: signal() })),
      during('project A cache', cache.set(a, { key: 'during', value: 'ok' }, { signal: signal() })),
      during('Smarter whoami', fetch(`${emulator.smarterURL}cli/whoami/`, { method: 'POST', headers: { authorization: `Token ${emulator.smarterKeys[0] ?? ''}` }, signal: signal() }).then((r) => r.status)),
      during('health', fetch(`${root}/__emulator/health`, { signal: signal() }).then((r) => r.status)),
    ]);
    console.log(`during the runaway (ms): ${JSON.stringify(took)}`);
    expect(other).toEqual({ value: { results: [{ n: 0 }], count: 1 }, beforeRunaway: true });
    expect(ownCache).toMatchObject({ beforeRunaway: true });
    expect(smarter).toEqual({ value: 200, beforeRunaway: true });
    expect(health).toEqual({ value: 200, beforeRunaway: true });

    const { result, error } = await runaway;
    console.log(`the runaway answered after ${Date.now() - started} ms`);
    expect(result).toBeUndefined();
    expect(error).toMatchObject({ status: 400, code: 'DB_QUERY_FAILED', message: expect.stringMatching(/D1_ERROR: .*exceeded timeout/) as unknown });
    expect(retries).toBe(0);

    // A works again, its table kept across the restart of its database.
    expect(await query(a, sql`SELECT x FROM kept`)).toEqual({ results: [{ x: 1 }], count: 1 });
    // /__emulator/reset still reaches the restarted database.
    expect((await fetch(`${root}/__emulator/reset`, { method: 'POST' })).status).toBe(200);
    await expect(query(a, sql`SELECT x FROM kept`)).rejects.toMatchObject({ code: 'DB_QUERY_FAILED', message: expect.stringContaining('no such table') as unknown });
  });
});
