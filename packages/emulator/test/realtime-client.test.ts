// @aerostack/realtime end to end: the package's public functions against the emulator over real
// WebSockets (`ws` as the WebSocket option: this is Node 20), with writes made through
// @aerostack/database. The frames themselves are checked in realtime-*.test.ts; here, what a user sees.
import { AuthenticationError } from '@aerostack/core';
import { query, sql } from '@aerostack/database';
import { connect, history, publish, subscribeEvents, subscribePresence, subscribeTable, track, untrack, type Realtime, type Subscription } from '@aerostack/realtime';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { client, KEY_A, useEmulator } from './helpers/emulator';
import { hostURL } from './helpers/realtime';

const emu = useEmulator();
const open: Realtime[] = [];

afterEach(() => {
  for (const rt of open.splice(0)) rt.close();
});

function rt(key = KEY_A): Realtime {
  const connection = connect(client(emu, key), { WebSocket });
  open.push(connection);
  return connection;
}

/** Resolves once the connection is `connected` (a hang guard of 20 s, not a speed check). */
function connected(connection: Realtime): Promise<void> {
  if (connection.status === 'connected') return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`still ${connection.status} after 20 s`)), 20_000);
    const stop = connection.onStatusChange((status) => {
      if (status !== 'connected') return;
      clearTimeout(timer);
      stop();
      resolve();
    });
  });
}

/** The first `count` items of a subscription, through its async iterator (a hang guard says what was missing). */
async function first<T>(sub: Subscription<T>, count: number, ms = 20_000): Promise<T[]> {
  const items: T[] = [];
  const guard = new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`got ${items.length} of ${count} after ${ms} ms: ${JSON.stringify(items).slice(0, 400)}`)), ms));
  const read = (async () => {
    for await (const item of sub) {
      items.push(item);
      if (items.length === count) break;
    }
    return items;
  })();
  return Promise.race([read, guard]);
}

/** Resolves once the server confirmed the subscription (its `ready`), within a hang guard. */
async function ready(sub: Subscription<unknown>): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const guard = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`${sub.topic} not confirmed after 20 s`)), 20_000)));
  try {
    await Promise.race([sub.ready, guard]);
  } finally {
    clearTimeout(timer);
  }
}

async function drop(sockets: number | 'all', key = KEY_A): Promise<number> {
  const response = await fetch(`${hostURL(emu)}/__emulator/realtime/drop`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-aerostack-key': key }, body: JSON.stringify({ sockets }) });
  return ((await response.json()) as { dropped: number }).dropped;
}

interface Order {
  id: number;
  item: string;
  qty: number;
}

describe('@aerostack/realtime against the emulator', () => {
  it('a table subscription receives each INSERT, UPDATE and DELETE made through @aerostack/database, typed, in order', async () => {
    const db = client(emu);
    await query(db, sql`CREATE TABLE rt_orders (id INTEGER PRIMARY KEY, item TEXT NOT NULL, qty INTEGER NOT NULL)`);
    const connection = rt();
    const sub = subscribeTable<Order>(connection, 'rt_orders');
    const changes = first(sub, 4);
    await connected(connection);
    await ready(sub);
    // The server names the topic table/rt_orders/<project>: learn the project from it.
    const project = sub.topic.split('/')[2] ?? '';
    expect(project).toMatch(/^proj_/);
    await query(db, sql`INSERT INTO rt_orders (item, qty) VALUES (${'tea'}, ${1}), (${'cake'}, ${2})`);
    await query(db, sql`UPDATE rt_orders SET qty = qty + 10 WHERE item = ${'tea'}`);
    await query(db, sql`DELETE FROM rt_orders WHERE item = ${'cake'}`);
    const got = await changes;
    expect(got.map((c) => [c.operation, c.data, c.old])).toEqual([
      ['INSERT', { id: 1, item: 'tea', qty: 1 }, undefined],
      ['INSERT', { id: 2, item: 'cake', qty: 2 }, undefined],
      ['UPDATE', { id: 1, item: 'tea', qty: 11 }, { id: 1, item: 'tea', qty: 1 }],
      ['DELETE', { id: 2, item: 'cake', qty: 2 }, { id: 2, item: 'cake', qty: 2 }],
    ]);
    expect(got.every((c) => c.topic === `table/rt_orders/${project}` && typeof c.timestamp === 'number')).toBe(true);
  });

  it('a filtered subscription sees only its rows; an operation filter only its operation', async () => {
    const db = client(emu);
    await query(db, sql`CREATE TABLE rt_tasks (id INTEGER PRIMARY KEY, owner TEXT, done INTEGER)`);
    const connection = rt();
    const adas = subscribeTable<{ id: number; owner: string; done: number }>(connection, 'rt_tasks', { filter: { owner: 'ada' } });
    const removals = subscribeTable(connection, 'rt_tasks', { operation: 'DELETE' });
    const mine = first(adas, 2);
    const deletes = first(removals, 1);
    await Promise.all([ready(adas), ready(removals)]);
    await query(db, sql`INSERT INTO rt_tasks (owner, done) VALUES (${'bob'}, 0), (${'ada'}, 0)`);
    await query(db, sql`UPDATE rt_tasks SET done = 1 WHERE owner = ${'ada'}`);
    await query(db, sql`DELETE FROM rt_tasks WHERE owner = ${'bob'}`);
    expect((await mine).map((c) => [c.operation, c.data.owner, c.data.done])).toEqual([
      ['INSERT', 'ada', 0],
      ['UPDATE', 'ada', 1],
    ]);
    expect((await deletes).map((c) => [c.operation, (c.data as { owner: string }).owner])).toEqual([['DELETE', 'bob']]);
  });

  it('publish with persist: another client receives it live, and history returns it, newest first, paged by before', async () => {
    const reader = rt();
    const writer = rt();
    const messages = subscribeEvents<{ n: number }>(reader, 'chat/e2e-history', { event: 'message' });
    const received = first(messages, 5);
    await Promise.all([ready(messages), connected(writer)]);
    for (let n = 0; n < 5; n++) await publish(writer, 'chat/e2e-history', 'message', { n }, { persist: true, id: `h-${n}` });
    expect((await received).map((e) => [e.id, e.data.n])).toEqual([0, 1, 2, 3, 4].map((n) => [`h-${n}`, n]));
    const newest = await history<{ n: number }>(client(emu), { room: 'chat/e2e-history', limit: 3 });
    expect(newest.messages.map((m) => m.id)).toEqual(['h-4', 'h-3', 'h-2']);
    const older = await history<{ n: number }>(client(emu), { room: 'chat/e2e-history', limit: 3, before: newest.messages[2]?.created_at });
    expect(older.messages.map((m) => [m.id, m.data.n])).toEqual([
      ['h-1', 1],
      ['h-0', 0],
    ]);
  });

  it('presence between two clients: join with state, then leave', async () => {
    const watcher = rt();
    const other = rt();
    const presence = subscribePresence<{ name: string }>(watcher, 'room/e2e-presence');
    const events = first(presence, 2);
    await Promise.all([ready(presence), connected(other)]);
    track(other, 'room/e2e-presence', { name: 'Ada' });
    untrack(other, 'room/e2e-presence');
    const [join, leave] = await events;
    expect(join).toMatchObject({ type: 'join', member: { state: { name: 'Ada' } } });
    expect(leave).toMatchObject({ type: 'leave', member: { state: { name: 'Ada' } } });
  });

  it('dropped while events are published (the reader alone, then every socket): each persisted event arrives exactly once, in order', async () => {
    const reader = rt();
    const sub = subscribeEvents<{ n: number }>(reader, 'chat/e2e-resume', { event: 'tick' });
    const all = first(sub, 60, 60_000);
    await ready(sub);
    const writer = rt(); // opened after the reader: the reader's is the project's oldest socket
    await connected(writer);
    let drops = 0;
    for (let n = 0; n < 60; n++) {
      // n = 20: the reader alone (the oldest socket) is dropped, and misses 20..29 live while it
      // waits to reconnect (1 s or more). n = 40: both are dropped; the writer's unacknowledged
      // publish is sent again after its own reconnect (the server stores an id once).
      if (n === 20) drops += await drop(1);
      if (n === 30 || n === 40) await Promise.all([connected(reader), connected(writer)]);
      if (n === 40) drops += await drop('all');
      await publish(writer, 'chat/e2e-resume', 'tick', { n }, { persist: true, id: `r-${n}` });
    }
    const got = await all;
    expect(drops).toBe(3);
    expect(got.map((e) => e.data.n)).toEqual(Array.from({ length: 60 }, (_, n) => n));
    expect(new Set(got.map((e) => e.id)).size).toBe(60);
  });

  it('a refused key ends in AuthenticationError with the close code and reason, with no reconnect loop', async () => {
    const connection = rt('ac_secret_nobody');
    const error = await new Promise<unknown>((resolve) => connection.onStatusChange((status, e) => status === 'disconnected' && resolve(e)));
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error).toMatchObject({ closeCode: 4001, closeReason: 'AUTH_INVALID_KEY: Invalid or missing API key', code: 'AUTH_INVALID_KEY' });
    expect(connection.status).toBe('disconnected');
  });
});
