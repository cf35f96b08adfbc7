// @aerostack/collections end to end: the five routes of /v1/collections through the package, on the
// project's own D1 database, and the collection's realtime topic carrying its items
// (@aerostack/collections/realtime over real WebSockets).
import { BadRequestError, NotFoundError } from '@aerostack/core';
import { collection, collections, create, get, list, remove, update, type Stored } from '@aerostack/collections';
import { subscribe, type ItemChange } from '@aerostack/collections/realtime';
import { query, sql } from '@aerostack/database';
import { connect, type Realtime, type Subscription } from '@aerostack/realtime';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { client, KEY_B, useEmulator } from './helpers/emulator';

const emu = useEmulator();
const open: Realtime[] = [];
afterEach(() => {
  for (const rt of open.splice(0)) rt.close();
});

interface Order {
  status: string;
  total: number;
  paid: boolean;
  note: string | null;
  lines: { sku: string; qty: number }[];
}
interface Schema {
  orders: Order;
  tasks: { title: string; done: boolean };
}
const db = collections<Schema>();

const order = (n: number, over: Partial<Order> = {}): Order => ({ status: n % 2 ? 'open' : 'paid', total: n * 10, paid: n % 2 === 0, note: null, lines: [{ sku: `s${n}`, qty: n }], ...over });

/** The first `count` items of a subscription (a hang guard of 20 s says what was missing, not a speed check). */
async function first<T>(sub: Subscription<T>, count: number): Promise<T[]> {
  const items: T[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;
  const guard = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`got ${items.length} of ${count}: ${JSON.stringify(items).slice(0, 400)}`)), 20_000)));
  const read = (async () => {
    for await (const item of sub) if (items.push(item) === count) break;
    return items;
  })();
  try {
    return await Promise.race([read, guard]);
  } finally {
    clearTimeout(timer);
  }
}

describe('collections', () => {
  it('create, get, update (some fields), delete: the items as stored, with UUID ids', async () => {
    const c = client(emu);
    const orders = db('orders');
    const created = await create(c, orders, order(1));
    expect(created).toEqual({ id: expect.stringMatching(/^[0-9a-f-]{36}$/), ...order(1) });
    expect(await get(c, orders, created.id)).toEqual(created);

    expect(await update(c, orders, created.id, { status: 'paid', note: 'by card' })).toEqual({ success: true });
    expect(await get(c, orders, created.id)).toEqual({ ...created, status: 'paid', note: 'by card' });

    expect(await remove(c, orders, created.id)).toEqual({ success: true });
    await expect(get(c, orders, created.id)).rejects.toBeInstanceOf(NotFoundError);
  });

  it('unknown ids are the platform 404 for get, update and delete', async () => {
    const c = client(emu);
    for (const call of [() => get(c, 'orders', 'nope'), () => update(c, 'orders', 'nope', { a: 1 }), () => remove(c, 'orders', 'nope')]) {
      const error = (await call().then(undefined, (e: unknown) => e)) as NotFoundError;
      expect(error).toBeInstanceOf(NotFoundError);
      expect(error.code).toBe('NOT_FOUND');
      expect(error.message).toBe('404 NOT_FOUND: Item nope not found');
    }
  });

  it('lists oldest first, filtered by field values (strings, numbers, booleans, null), page by page', async () => {
    const c = client(emu);
    const books = collection<{ title: string; year: number; read: boolean; shelf: string | null }>('books');
    const made: Stored<{ title: string; year: number; read: boolean; shelf: string | null }>[] = [];
    for (let n = 0; n < 7; n++) made.push(await create(c, books, { title: `b${n}`, year: 2000 + (n % 3), read: n % 2 === 0, shelf: n < 2 ? null : 'A' }));

    expect((await list(c, books).toArray({ limit: 100 })).map((b) => b.title)).toEqual(made.map((b) => b.title));
    expect((await list(c, books, { where: { year: 2001 } }).toArray({ limit: 100 })).map((b) => b.title)).toEqual(['b1', 'b4']);
    expect((await list(c, books, { where: { read: true, shelf: 'A' } }).toArray({ limit: 100 })).map((b) => b.title)).toEqual(['b2', 'b4', 'b6']);
    expect((await list(c, books, { where: { shelf: null } }).toArray({ limit: 100 })).map((b) => b.title)).toEqual(['b0', 'b1']);
    expect((await list(c, books, { where: { id: made[3]!.id } }).toArray({ limit: 100 })).map((b) => b.title)).toEqual(['b3']);
    expect((await list(c, books, { where: { title: 'none' } }).toArray({ limit: 100 }))).toEqual([]);

    const pages: { offset: number; titles: string[] }[] = [];
    for await (const page of list(c, books, { limit: 3 }).byPage()) pages.push({ offset: page.body.offset, titles: page.items.map((b) => b.title) });
    expect(pages).toEqual([
      { offset: 0, titles: ['b0', 'b1', 'b2'] },
      { offset: 3, titles: ['b3', 'b4', 'b5'] },
      { offset: 6, titles: ['b6'] },
    ]);
    expect((await list(c, books, { limit: 2, offset: 5 }).toArray({ limit: 100 })).map((b) => b.title)).toEqual(['b5', 'b6']);
  });

  it('200 concurrent updates of one item, each setting its own field: every one lands', async () => {
    const c = client(emu);
    const counters = collection('counters_concurrent');
    const item = await create(c, counters, { start: true });
    const results = await Promise.allSettled(Array.from({ length: 200 }, (_, i) => update(c, counters, item.id, { [`f${i}`]: i })));
    expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
    const after = await get(c, counters, item.id);
    expect(Object.keys(after)).toHaveLength(202); // id, start and the 200 fields
    expect(after.f0).toBe(0);
    expect(after.f199).toBe(199);
  });

  it('an update keeps every value as sent, whatever the field name (dots, spaces, quotes, unicode)', async () => {
    const c = client(emu);
    const things = collection('things_values');
    const item = await create(c, things, { keep: 'me' });
    const changes = {
      'a.b': 1,
      'with space': 'x "quoted" \\ back',
      'ünï €': [1, 'two', null, { three: 3.5 }],
      nested: { deep: { null: null, list: [] } },
      nothing: null,
      big: 9007199254740991,
      neg: -0.125,
      bool: false,
      'quote"key': 'takes the other path',
    };
    await update(c, things, item.id, changes);
    expect(await get(c, things, item.id)).toEqual({ id: item.id, keep: 'me', ...changes });
    await update(c, things, item.id, { keep: 'changed' });
    expect(await get(c, things, item.id)).toEqual({ id: item.id, ...changes, keep: 'changed' });
  });

  it('project isolation: project B sees none of A’s items, by list or by id', async () => {
    const a = client(emu);
    const b = client(emu, KEY_B);
    const mine = await create(a, db('tasks'), { title: 'secret', done: false });
    expect(await list(b, db('tasks')).toArray({ limit: 100 })).toEqual([]);
    await expect(get(b, db('tasks'), mine.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(update(b, db('tasks'), mine.id, { done: true })).rejects.toBeInstanceOf(NotFoundError);
    await expect(remove(b, db('tasks'), mine.id)).rejects.toBeInstanceOf(NotFoundError);
    expect(await get(a, db('tasks'), mine.id)).toEqual(mine);
  });

  it('refuses a name that clashes with a table of the project, an unsafe name, and an id in the fields, with a clear 400', async () => {
    const c = client(emu);
    await query(c, sql`CREATE TABLE invoices (id INTEGER PRIMARY KEY)`);
    const clash = (await create(c, 'invoices', { a: 1 }).then(undefined, (e: unknown) => e)) as BadRequestError;
    expect(clash).toBeInstanceOf(BadRequestError);
    expect(clash.code).toBe('VALIDATION_ERROR');
    expect(clash.message).toContain('"invoices" is also a table of your database');
    await expect(list(c, 'INVOICES').then((p) => p.items)).rejects.toBeInstanceOf(BadRequestError);
    for (const name of ['items', 'bad name', '1st', 'a/b', 'x'.repeat(65)]) {
      const error = (await create(c, name, {}).then(undefined, (e: unknown) => e)) as BadRequestError;
      expect(error, name).toBeInstanceOf(BadRequestError);
      expect(error.details, name).toMatchObject({ fieldErrors: { collection: [expect.any(String)] } });
    }
    await expect(create(c, 'orders', { id: 'mine' })).rejects.toMatchObject({ status: 400, details: { fieldErrors: { id: ['Assigned by the server: leave it out'] } } });
  });

  it('a realtime subscription to the collection receives create, update and delete as items', async () => {
    const c = client(emu);
    const tickets = collection<{ subject: string; open: boolean; tags: string[] }>('tickets');
    const rt = connect(c, { WebSocket });
    open.push(rt);
    const all = subscribe(rt, tickets);
    const onlyOpen = subscribe(rt, tickets, { filter: { open: true }, operation: 'INSERT' });
    await Promise.all([all.ready, onlyOpen.ready]);
    const changes = first(all, 4);
    const opened = first(onlyOpen, 1);

    const t = await create(c, tickets, { subject: 'printer', open: true, tags: ['hw', 'office'] });
    const closed = await create(c, tickets, { subject: 'old', open: false, tags: [] });
    await update(c, tickets, t.id, { open: false });
    await remove(c, tickets, t.id);

    const got: ItemChange<{ subject: string; open: boolean; tags: string[] }>[] = await changes;
    expect(got.map(({ operation, data, old }) => ({ operation, data, old }))).toEqual([
      { operation: 'INSERT', data: t, old: undefined },
      { operation: 'INSERT', data: closed, old: undefined },
      { operation: 'UPDATE', data: { ...t, open: false }, old: t },
      { operation: 'DELETE', data: { ...t, open: false }, old: { ...t, open: false } },
    ]);
    expect(got[0]!.topic).toMatch(/^table\/tickets\/proj_[0-9a-f]{16}$/);
    expect((await opened).map((ch) => ch.data)).toEqual([t]);
  });
});
