// Commit order under concurrency, isolation between projects, and the drop route (fault injection).
import { query, sql } from '@aerostack/database';
import { afterEach, describe, expect, it } from 'vitest';
import { client, control, KEY_A, KEY_B, useEmulator } from './helpers/emulator';
import { closeAll, hostURL, isChange, openSocket, roundTrip, subscribe } from './helpers/realtime';

const emu = useEmulator();
afterEach(closeAll);

async function drop(key: string, sockets: number | 'all'): Promise<unknown> {
  const response = await fetch(`${hostURL(emu)}/__emulator/realtime/drop`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-aerostack-key': key }, body: JSON.stringify({ sockets }) });
  return response.json();
}

describe('realtime under concurrency', () => {
  it('50 concurrent inserts from parallel requests: every subscriber sees them in the database\'s commit order', async () => {
    const c = client(emu);
    await query(c, sql`CREATE TABLE seqt (id INTEGER PRIMARY KEY AUTOINCREMENT, n INTEGER NOT NULL)`);
    const sockets = await Promise.all([openSocket(emu), openSocket(emu), openSocket(emu)]);
    for (const s of sockets) await subscribe(s, 'seqt');
    await Promise.all(Array.from({ length: 50 }, (_, n) => query(c, sql`INSERT INTO seqt (n) VALUES (${n})`)));
    const { results } = await query<{ id: number; n: number }>(c, sql`SELECT id, n FROM seqt ORDER BY id`);
    for (const s of sockets) {
      const seen = (await s.take(50, isChange)).map((f) => f.data as { id: number; n: number });
      expect(seen).toEqual(results);
    }
    await Promise.all(sockets.map((s) => s.close()));
  });

  it('figure: changes delivered per second (printed, not asserted)', async () => {
    const c = client(emu);
    await query(c, sql`CREATE TABLE bulk (id INTEGER PRIMARY KEY, v TEXT)`);
    const socket = await openSocket(emu);
    await subscribe(socket, 'bulk');
    const started = performance.now();
    await query(c, sql`WITH RECURSIVE r(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM r WHERE x < 2000) INSERT INTO bulk (id, v) SELECT x, 'row ' || x FROM r`);
    const got = await socket.take(2000, isChange, 60_000);
    const ms = performance.now() - started;
    expect(got.map((f) => (f.data as { id: number }).id)).toEqual(Array.from({ length: 2000 }, (_, i) => i + 1));
    console.log(`2000 changes of one statement delivered in ${ms.toFixed(0)} ms (${((2000 / ms) * 1000).toFixed(0)}/s)`);
    await socket.close();
  });
});

describe('isolation between projects', () => {
  it("project B subscribing to A's topic strings never gets A's changes or events", async () => {
    const { projects } = (await control(emu, 'GET', '/health')) as { projects: string[] };
    const [a, b] = projects as [string, string];
    const ca = client(emu, KEY_A);
    await query(ca, sql`CREATE TABLE secrets (id INTEGER PRIMARY KEY, v TEXT)`);
    const mine = await openSocket(emu, { key: KEY_A });
    const spy = await openSocket(emu, { key: KEY_B });
    await subscribe(mine, 'secrets');
    await subscribe(mine, 'chat/room');
    expect(await subscribe(spy, `table/secrets/${a}`)).toBe(`table/secrets/${a}/${b}`);
    expect(await subscribe(spy, `chat/room/${a}`)).toBe(`chat/room/${a}/${b}`);
    expect(await subscribe(spy, 'secrets')).toBe(`table/secrets/${b}`);
    expect(await subscribe(spy, 'chat/room')).toBe(`chat/room/${b}`);
    await query(ca, sql`INSERT INTO secrets (v) VALUES ('a only')`);
    const publisher = await openSocket(emu, { key: KEY_A });
    publisher.send({ type: 'publish', topic: 'chat/room', event: 'msg', data: { t: 'a only' }, id: 'm1', persist: true });
    await publisher.next((f) => f.type === 'ack');
    // Both, in either order: the change comes through the launcher's pump, the event straight from the object.
    await mine.take(2, (f) => isChange(f) || f.type === 'event');
    await roundTrip(spy);
    expect(spy.frames.filter((f) => f.type === 'db_change' || f.type === 'event')).toEqual([]);
    // nor A's history
    const history = await fetch(`${hostURL(emu)}/api/v1/public/realtime/history?room=${encodeURIComponent(`chat/room/${a}`)}`, { headers: { 'x-aerostack-key': KEY_B } });
    expect(await history.json()).toEqual({ messages: [] });
    await Promise.all([mine.close(), spy.close(), publisher.close()]);
  });
});

describe('fault injection: POST /__emulator/realtime/drop', () => {
  it('drops the oldest sockets with 1012; a reconnecting socket gets later changes', async () => {
    const c = client(emu);
    await query(c, sql`CREATE TABLE resume (id INTEGER PRIMARY KEY)`);
    const first = await openSocket(emu);
    const second = await openSocket(emu);
    const other = await openSocket(emu, { key: KEY_B });
    await subscribe(first, 'resume');
    await subscribe(second, 'resume');
    expect(await drop(KEY_A, 1)).toEqual({ dropped: 1 });
    expect(await first.closed).toEqual({ code: 1012, reason: 'emulator: dropped' });
    await roundTrip(second);
    const again = await openSocket(emu);
    await subscribe(again, 'resume');
    await query(c, sql`INSERT INTO resume (id) VALUES (1)`);
    expect((await again.next(isChange)).data).toEqual({ id: 1 });
    expect((await second.next(isChange)).data).toEqual({ id: 1 });
    expect(await drop(KEY_A, 'all')).toEqual({ dropped: 2 });
    expect((await second.closed).code).toBe(1012);
    expect((await again.closed).code).toBe(1012);
    await roundTrip(other); // project B's socket is untouched
    await other.close();
  });

  it('refuses a bad key (401) and a bad count (400)', async () => {
    const bad = await fetch(`${hostURL(emu)}/__emulator/realtime/drop`, { method: 'POST', headers: { 'x-aerostack-key': 'nope' }, body: '{"sockets":"all"}' });
    expect(bad.status).toBe(401);
    const count = await fetch(`${hostURL(emu)}/__emulator/realtime/drop`, { method: 'POST', headers: { 'x-aerostack-key': KEY_A }, body: '{"sockets":"some"}' });
    expect(count.status).toBe(400);
  });
});
