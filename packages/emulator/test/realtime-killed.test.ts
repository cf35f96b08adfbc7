// db_change across a killed database instance: a runaway statement is killed at the limit (its own
// writes rolled back, so never delivered); the changes before and after it all arrive, in order.
import { query, sql } from '@aerostack/database';
import { afterEach, afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from '../src/index';
import { client, KEY_A, type Harness } from './helpers/emulator';
import { closeAll, isChange, openSocket, subscribe } from './helpers/realtime';

const emu = {} as Harness;
beforeAll(async () => {
  emu.emulator = await startEmulator({ aerostackPort: 0, smarterPort: 0, inMemory: true, keys: [KEY_A], queryTimeoutMs: 1500 });
});
afterEach(closeAll);
afterAll(async () => {
  await (emu.emulator as Emulator | undefined)?.stop();
});

describe('db_change and a killed instance', () => {
  it('changes before and after a killed statement arrive in order; the killed one never does', async () => {
    const c = client(emu);
    await query(c, sql`CREATE TABLE k (id INTEGER PRIMARY KEY, v TEXT)`);
    const socket = await openSocket(emu);
    await subscribe(socket, 'k');
    await query(c, sql`INSERT INTO k (id, v) VALUES (1, 'before')`);
    // Writes a row, then runs away: killed at the limit, its insert rolled back.
    const killed = await query(c, sql`INSERT INTO k (id, v) SELECT 2, 'killed' FROM (WITH RECURSIVE r(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM r) SELECT count(*) FROM r)`).catch((e: unknown) => e);
    expect(killed).toMatchObject({ code: 'DB_QUERY_FAILED' });
    await query(c, sql`INSERT INTO k (id, v) VALUES (3, 'after')`);
    const got = await socket.take(2, isChange, 30_000);
    expect(got.map((f) => f.data)).toEqual([
      { id: 1, v: 'before' },
      { id: 3, v: 'after' },
    ]);
    await socket.close();
  });
});
