// db_change: every write through /db/query and /db/batch reaches the table's subscribers, learned
// from triggers in the project's database (whatever the statement's shape), in commit order.
import { batch, query, sql } from '@aerostack/database';
import { afterEach, describe, expect, it } from 'vitest';
import { client, useEmulator } from './helpers/emulator';
import { closeAll, isChange, openSocket, roundTrip, subscribe, type Frame } from './helpers/realtime';

const emu = useEmulator();
afterEach(closeAll);

const changes = (socket: { take: (n: number, m: (f: Frame) => boolean) => Promise<Frame[]> }, n: number) => socket.take(n, isChange);
const pick = (f: Frame) => ({ operation: f.operation, data: f.data, old: f.old });

describe('db_change', () => {
  it('INSERT, UPDATE (multi-row), DELETE: operation, data and old, on the table topic', async () => {
    const c = client(emu);
    await query(c, sql`CREATE TABLE items (id INTEGER PRIMARY KEY, name TEXT, qty INTEGER)`);
    const socket = await openSocket(emu);
    const topic = await subscribe(socket, 'items');
    await query(c, sql`INSERT INTO items (name, qty) VALUES (${'a'}, ${1}), (${'b'}, ${2})`);
    await query(c, sql`UPDATE items SET qty = qty * 10`);
    await query(c, sql`DELETE FROM items WHERE id = ${1}`);
    const got = await changes(socket, 5);
    expect(got.map(pick)).toEqual([
      { operation: 'INSERT', data: { id: 1, name: 'a', qty: 1 }, old: undefined },
      { operation: 'INSERT', data: { id: 2, name: 'b', qty: 2 }, old: undefined },
      { operation: 'UPDATE', data: { id: 1, name: 'a', qty: 10 }, old: { id: 1, name: 'a', qty: 1 } },
      { operation: 'UPDATE', data: { id: 2, name: 'b', qty: 20 }, old: { id: 2, name: 'b', qty: 2 } },
      { operation: 'DELETE', data: { id: 1, name: 'a', qty: 10 }, old: { id: 1, name: 'a', qty: 10 } },
    ]);
    for (const f of got) {
      expect(f.topic).toBe(topic);
      expect(typeof f.timestamp).toBe('number');
    }
    await socket.close();
  });

  it('INSERT ... SELECT, an upsert, INSERT OR REPLACE and a DELETE without WHERE', async () => {
    const c = client(emu);
    await query(c, sql`CREATE TABLE src (k TEXT PRIMARY KEY, v INTEGER)`);
    await query(c, sql`CREATE TABLE dst (k TEXT PRIMARY KEY, v INTEGER)`);
    await query(c, sql`INSERT INTO src VALUES ('x', 1), ('y', 2)`);
    const socket = await openSocket(emu);
    await subscribe(socket, 'dst');
    await query(c, sql`INSERT INTO dst (k, v) SELECT k, v FROM src`);
    await query(c, sql`INSERT INTO dst (k, v) VALUES ('x', 5) ON CONFLICT (k) DO UPDATE SET v = excluded.v`);
    await query(c, sql`INSERT OR REPLACE INTO dst (k, v) VALUES ('y', 7)`);
    await query(c, sql`DELETE FROM dst`);
    const got = await changes(socket, 7);
    expect(got.map(pick)).toEqual([
      { operation: 'INSERT', data: { k: 'x', v: 1 }, old: undefined },
      { operation: 'INSERT', data: { k: 'y', v: 2 }, old: undefined },
      { operation: 'UPDATE', data: { k: 'x', v: 5 }, old: { k: 'x', v: 1 } },
      // REPLACE deletes the conflicting row, then inserts (recursive triggers are on in D1).
      { operation: 'DELETE', data: { k: 'y', v: 2 }, old: { k: 'y', v: 2 } },
      { operation: 'INSERT', data: { k: 'y', v: 7 }, old: undefined },
      { operation: 'DELETE', data: { k: 'x', v: 5 }, old: { k: 'x', v: 5 } },
      { operation: 'DELETE', data: { k: 'y', v: 7 }, old: { k: 'y', v: 7 } },
    ]);
    await socket.close();
  });

  it('a batch, a table created after connecting, ALTER TABLE ADD COLUMN then insert', async () => {
    const c = client(emu);
    const socket = await openSocket(emu);
    await subscribe(socket, 'later');
    await batch(c, {
      queries: [sql`CREATE TABLE later (id INTEGER PRIMARY KEY, a TEXT)`, sql`INSERT INTO later (a) VALUES (${'one'})`, sql`UPDATE later SET a = ${'uno'}`],
    });
    await query(c, sql`ALTER TABLE later ADD COLUMN b TEXT DEFAULT 'bee'`);
    await query(c, sql`INSERT INTO later (a, b) VALUES (${'two'}, ${'b2'})`);
    await query(c, sql`ALTER TABLE later RENAME COLUMN a TO alpha`);
    await query(c, sql`UPDATE later SET alpha = ${'dos'} WHERE id = ${2}`);
    await query(c, sql`ALTER TABLE later DROP COLUMN b`); // our triggers name b: dropped, then made again
    await query(c, sql`INSERT INTO later (alpha) VALUES (${'three'})`);
    const got = await changes(socket, 5);
    expect(got.map(pick)).toEqual([
      { operation: 'INSERT', data: { id: 1, a: 'one' }, old: undefined },
      { operation: 'UPDATE', data: { id: 1, a: 'uno' }, old: { id: 1, a: 'one' } },
      { operation: 'INSERT', data: { id: 2, a: 'two', b: 'b2' }, old: undefined },
      { operation: 'UPDATE', data: { id: 2, alpha: 'dos', b: 'b2' }, old: { id: 2, alpha: 'two', b: 'b2' } },
      { operation: 'INSERT', data: { id: 3, alpha: 'three' }, old: undefined },
    ]);
    await socket.close();
  });

  it('a renamed table is captured under its new name only', async () => {
    const c = client(emu);
    await query(c, sql`CREATE TABLE before_name (id INTEGER PRIMARY KEY)`);
    const socket = await openSocket(emu);
    await subscribe(socket, 'before_name');
    await subscribe(socket, 'after_name');
    await query(c, sql`ALTER TABLE before_name RENAME TO after_name`);
    await query(c, sql`INSERT INTO after_name (id) VALUES (${1})`);
    const [change] = await changes(socket, 1);
    expect(change?.topic).toMatch(/^table\/after_name\//);
    await roundTrip(socket);
    expect(socket.frames.filter(isChange)).toHaveLength(1);
    await socket.close();
  });

  it('a BLOB column: the write succeeds and the change carries the bytes as D1 answers them', async () => {
    const c = client(emu);
    await query(c, sql`CREATE TABLE files (id INTEGER PRIMARY KEY, body BLOB, note TEXT)`);
    const socket = await openSocket(emu);
    await subscribe(socket, 'files');
    await query(c, sql`INSERT INTO files (body, note) VALUES (x'00ff10', 'bin')`);
    const { results } = await query<{ body: unknown }>(c, sql`SELECT body FROM files`);
    const [change] = await changes(socket, 1);
    expect(change?.data).toEqual({ id: 1, body: [0, 255, 16], note: 'bin' });
    expect(results[0]?.body).toEqual([0, 255, 16]);
    await socket.close();
  });

  it('a table of 100 columns, D1\'s most (json_object takes 127 arguments: two per column)', async () => {
    const c = client(emu);
    const columns = Array.from({ length: 100 }, (_, i) => `c${i}`);
    await query(c, { sql: `CREATE TABLE wide (${columns.map((col) => `${col} INTEGER`).join(', ')})`, params: [] });
    const socket = await openSocket(emu);
    await subscribe(socket, 'wide');
    await query(c, { sql: `INSERT INTO wide VALUES (${columns.map(() => '?').join(', ')})`, params: columns.map((_, i) => i) });
    const [change] = await changes(socket, 1);
    expect(change?.data).toEqual(Object.fromEntries(columns.map((col, i) => [col, i])));
    await socket.close();
  });

  it('filters: only rows whose columns equal every pair (old row for DELETE)', async () => {
    const c = client(emu);
    await query(c, sql`CREATE TABLE orders (id INTEGER PRIMARY KEY, status TEXT, shop INTEGER)`);
    const socket = await openSocket(emu);
    await subscribe(socket, 'orders', { status: 'open', shop: 1 });
    await query(c, sql`INSERT INTO orders (status, shop) VALUES ('open', 1), ('open', 2), ('done', 1)`);
    await query(c, sql`UPDATE orders SET status = 'done' WHERE id = 1`);
    await query(c, sql`DELETE FROM orders WHERE id = 1`);
    await query(c, sql`INSERT INTO orders (status, shop) VALUES ('open', 1)`);
    const got = await changes(socket, 2);
    expect(got.map((f) => [f.operation, (f.data as { id: number }).id])).toEqual([
      ['INSERT', 1],
      ['INSERT', 4],
    ]);
    await roundTrip(socket);
    expect(socket.frames.filter(isChange)).toHaveLength(2);
    await socket.close();
  });

  it('unsubscribe stops the changes', async () => {
    const c = client(emu);
    await query(c, sql`CREATE TABLE quiet (id INTEGER PRIMARY KEY)`);
    const socket = await openSocket(emu);
    const listener = await openSocket(emu);
    await subscribe(socket, 'quiet');
    await subscribe(listener, 'quiet');
    socket.send({ type: 'unsubscribe', topic: 'quiet' });
    await roundTrip(socket);
    await query(c, sql`INSERT INTO quiet (id) VALUES (1)`);
    await changes(listener, 1);
    await roundTrip(socket);
    expect(socket.frames.filter(isChange)).toEqual([]);
    await Promise.all([socket.close(), listener.close()]);
  });
});
