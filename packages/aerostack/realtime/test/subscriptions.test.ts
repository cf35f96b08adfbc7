import { AerostackClient, APIUserAbortError, AuthenticationError, type SDKError } from '@aerostack/core';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { history, publish, RealtimeError, subscribeEvents, subscribePresence, subscribeTable, type PresenceEvent, type TableChange } from '../src/index';
import { FakeSocket, settle } from './fake-socket';
import { historyFetch, opened, type Stored } from './helpers';

interface Order {
  id: number;
  status: string;
}

beforeEach(() => {
  FakeSocket.all = [];
});
afterEach(() => {
  vi.useRealTimers();
});

const change = (operation: string, data: object, old?: object, topic = 'table/orders/P') => ({ type: 'db_change', topic, operation, data, old, timestamp: 1 });

describe('subscribeTable', () => {
  it('subscribes to table/<name>, follows the normalised topic and delivers typed changes to callbacks and iterators', async () => {
    const { rt, ws } = await opened();
    const sub = subscribeTable<Order>(rt, 'orders');
    expect(ws.frames()).toEqual([{ type: 'subscribe', topic: 'table/orders' }]);
    expect(sub.topic).toBe('table/orders');
    ws.confirm();
    expect(sub.topic).toBe('table/orders/P');
    const got: TableChange<Order>[] = [];
    sub.on((c) => got.push(c));
    const it = sub[Symbol.asyncIterator]();
    ws.receive(change('INSERT', { id: 1, status: 'open' }));
    ws.receive(change('UPDATE', { id: 1, status: 'paid' }, { id: 1, status: 'open' }));
    ws.receive(change('INSERT', { id: 2, status: 'open' }, undefined, 'table/other/P'));
    expect(got.map((c) => [c.operation, c.data.status, c.old?.status])).toEqual([
      ['INSERT', 'open', undefined],
      ['UPDATE', 'paid', 'open'],
    ]);
    expect((await it.next()).value).toMatchObject({ operation: 'INSERT', data: { id: 1 }, topic: 'table/orders/P', timestamp: 1 });
    expect((await it.next()).value).toMatchObject({ operation: 'UPDATE' });
    rt.close();
  });

  it('with 500 other tables on the connection, each change reaches its subscriptions only, whichever name they were sent under; after one goes, the others still get theirs', async () => {
    const { rt, ws } = await opened();
    const others = Array.from({ length: 500 }, (_, i) => subscribeTable(rt, `t${i}`));
    const short = subscribeTable<Order>(rt, 'orders');
    const full = subscribeTable<Order>(rt, 'orders/P'); // sent as the server names it
    ws.confirm();
    const got = { short: [] as number[], full: [] as number[], t7: [] as number[] };
    short.on((c) => got.short.push(c.data.id));
    full.on((c) => got.full.push(c.data.id));
    others[7]!.on((c) => got.t7.push((c.data as { id: number }).id));
    ws.receive(change('INSERT', { id: 1, status: 'open' }));
    ws.receive(change('INSERT', { id: 2, status: 'open' }, undefined, 'table/t7/P'));
    ws.receive(change('INSERT', { id: 3, status: 'open' }, undefined, 'table/unknown/P'));
    full.unsubscribe();
    ws.receive(change('INSERT', { id: 4, status: 'open' }));
    expect(got).toEqual({ short: [1, 4], full: [1], t7: [2] });
    rt.close();
  });

  it('an iterator that lags keeps every queued change (3,000) in order, with an error in its place', async () => {
    const { rt, ws } = await opened();
    const sub = subscribeTable<Order>(rt, 'orders');
    ws.confirm();
    const it = sub[Symbol.asyncIterator]();
    for (let i = 0; i < 3000; i++) {
      ws.receive(change('INSERT', { id: i, status: 'open' }));
      if (i === 1500) ws.receive({ type: 'error', code: 'X', message: 'mid-stream' });
    }
    const ids: number[] = [];
    for (let i = 0; i < 3001; i++) {
      try {
        ids.push(((await it.next()).value as TableChange<Order>).data.id);
      } catch (error) {
        expect(ids.length).toBe(1501); // the error comes right after change 1500
        expect(error).toBeInstanceOf(RealtimeError);
      }
    }
    expect(ids).toEqual(Array.from({ length: 3000 }, (_, i) => i));
    ws.receive(change('INSERT', { id: 3000, status: 'open' })); // drained, then one more
    expect(((await it.next()).value as TableChange<Order>).data.id).toBe(3000);
    rt.close();
  });

  it('ready: resolves when the server confirms; rejects when the subscription ends first (an unsubscribe, a refused key)', async () => {
    const { rt, ws } = await opened();
    const sub = subscribeTable<Order>(rt, 'orders');
    let confirmed = false;
    void sub.ready.then(() => (confirmed = true));
    await settle();
    expect(confirmed).toBe(false);
    ws.confirm();
    await sub.ready;
    expect(confirmed).toBe(true);
    const gone = subscribeTable<Order>(rt, 'other');
    gone.unsubscribe();
    await expect(gone.ready).rejects.toBeInstanceOf(APIUserAbortError);
    const refused = subscribeTable<Order>(rt, 'third');
    ws.drop(4001, 'AUTH_INVALID_KEY: Invalid or missing API key');
    await expect(refused.ready).rejects.toBeInstanceOf(AuthenticationError);
    await expect(sub.ready).resolves.toBeUndefined(); // settled once: the end does not change it
  });

  it('filters by operation and by column values (the old row for a DELETE), and sends the filter to the server', async () => {
    const { rt, ws } = await opened();
    const inserts = subscribeTable<Order>(rt, 'orders', { operation: 'INSERT' });
    const open = subscribeTable<Order>(rt, 'orders', { filter: { status: 'open' } });
    // Two filters on one topic: the server gets none, each subscription filters itself.
    expect(ws.frames().at(-1)).toEqual({ type: 'subscribe', topic: 'table/orders' });
    inserts.unsubscribe();
    expect(ws.frames().at(-1)).toEqual({ type: 'subscribe', topic: 'table/orders', filter: { status: 'open' } });
    ws.confirm();
    const got: string[] = [];
    open.on((c) => got.push(`${c.operation}:${c.data.id}`));
    ws.receive(change('INSERT', { id: 1, status: 'open' }));
    ws.receive(change('INSERT', { id: 2, status: 'paid' }));
    ws.receive(change('DELETE', { id: 3, status: 'open' }, { id: 3, status: 'open' }));
    expect(got).toEqual(['INSERT:1', 'DELETE:3']);
    rt.close();
  });

  it('break in for await unsubscribes (an unsubscribe frame with the server topic)', async () => {
    const { rt, ws } = await opened();
    const sub = subscribeTable<Order>(rt, 'orders');
    ws.confirm();
    setTimeout(() => ws.receive(change('INSERT', { id: 7, status: 'open' })), 0);
    for await (const c of sub) {
      expect(c.data.id).toBe(7);
      break;
    }
    expect(ws.frames().at(-1)).toEqual({ type: 'unsubscribe', topic: 'table/orders/P' });
    rt.close();
  });

  it('an AbortSignal unsubscribes, and ends an iteration', async () => {
    const { rt, ws } = await opened();
    const controller = new AbortController();
    const sub = subscribeTable(rt, 'orders', { signal: controller.signal });
    const next = sub[Symbol.asyncIterator]().next();
    controller.abort();
    expect(await next).toEqual({ value: undefined, done: true });
    expect(ws.frames().at(-1)).toEqual({ type: 'unsubscribe', topic: 'table/orders' });
    rt.close();
  });

  it('close() ends every iteration without an error', async () => {
    const { rt } = await opened();
    const next = subscribeTable(rt, 'orders')[Symbol.asyncIterator]().next();
    rt.close();
    expect(await next).toEqual({ value: undefined, done: true });
  });
});

describe('faults stay on the subscription', () => {
  it('a frame that is not JSON, or a change without its operation, is a RealtimeError BAD_FRAME; the connection stays and later changes arrive', async () => {
    const { rt, ws } = await opened();
    const sub = subscribeTable<Order>(rt, 'orders');
    ws.confirm();
    const errors: SDKError[] = [];
    sub.onError((e) => errors.push(e));
    const it = sub[Symbol.asyncIterator]();
    ws.receive('{not json');
    ws.receive({ type: 'db_change', topic: 'table/orders/P', data: { id: 1 } });
    ws.receive(change('INSERT', { id: 2, status: 'open' }));
    expect(errors.map((e) => [e instanceof RealtimeError, e.code])).toEqual([
      [true, 'BAD_FRAME'],
      [true, 'BAD_FRAME'],
    ]);
    await expect(it.next()).rejects.toBeInstanceOf(RealtimeError);
    await expect(it.next()).rejects.toThrow(/operation/);
    expect((await it.next()).value).toMatchObject({ data: { id: 2 } });
    expect(rt.status).toBe('connected');
    expect(ws.closedWith).toBeUndefined();
    rt.close();
  });

  it('a handler that throws is reported as HANDLER_ERROR; other handlers and later changes still run, the socket stays open', async () => {
    const { rt, ws } = await opened();
    const sub = subscribeTable<Order>(rt, 'orders');
    ws.confirm();
    const errors: SDKError[] = [];
    sub.onError((e) => errors.push(e));
    const got: number[] = [];
    sub.on(() => {
      throw new Error('boom');
    });
    sub.on((c) => got.push(c.data.id));
    ws.receive(change('INSERT', { id: 1, status: 'open' }));
    ws.receive(change('INSERT', { id: 2, status: 'open' }));
    expect(got).toEqual([1, 2]);
    expect(errors.map((e) => [e.code, (e.cause as Error).message])).toEqual([
      ['HANDLER_ERROR', 'boom'],
      ['HANDLER_ERROR', 'boom'],
    ]);
    expect(ws.closedWith).toBeUndefined();
    rt.close();
  });
});

describe('events', () => {
  it('publish sends the frame with an id and resolves on its ack; an unacknowledged publish is sent again after a reconnect', async () => {
    vi.useFakeTimers();
    vi.spyOn(Math, 'random').mockReturnValue(0);
    const { rt, ws } = await opened();
    const p = publish(rt, 'chat/a', 'message', { text: 'hi' }, { persist: true, id: 'm1' });
    expect(ws.frames()).toEqual([{ type: 'publish', topic: 'chat/a', event: 'message', data: { text: 'hi' }, persist: true, id: 'm1' }]);
    ws.drop();
    await vi.advanceTimersByTimeAsync(1000);
    const ws2 = FakeSocket.last;
    ws2.open();
    expect(ws2.frames()).toEqual([{ type: 'publish', topic: 'chat/a', event: 'message', data: { text: 'hi' }, persist: true, id: 'm1' }]);
    ws2.receive({ type: 'ack', id: 'm1' });
    expect(await p).toEqual({ id: 'm1' });
    ws2.drop();
    await vi.advanceTimersByTimeAsync(1000);
    FakeSocket.last.open();
    expect(FakeSocket.last.sent).toEqual([]);
    // Without an id: a UUID.
    const q = publish(rt, 'chat/a', 'message', 1);
    const sent = FakeSocket.last.frames().at(-1)!;
    expect(sent.id).toMatch(/^[0-9a-f-]{36}$/);
    rt.close();
    await expect(q).rejects.toMatchObject({ code: 'CONNECTION_CLOSED' });
  });

  it('delivers events by name (presence events excluded from *), each id once', async () => {
    const { rt, ws } = await opened();
    const all = subscribeEvents<{ text: string }>(rt, 'chat/a', { resume: false });
    const typing = subscribeEvents(rt, 'chat/a', { event: 'typing', resume: false });
    // One channel; each new subscription sends it again (below).
    expect(ws.frames()).toEqual([
      { type: 'subscribe', topic: 'chat/a' },
      { type: 'subscribe', topic: 'chat/a' },
    ]);
    ws.confirm();
    const got: string[] = [];
    all.on((e) => got.push(`all:${e.event}:${e.id}`));
    typing.on((e) => got.push(`typing:${e.id}`));
    const ev = (event: string, id: string) => ({ type: 'event', topic: 'chat/a/P', event, data: { text: id }, id, timestamp: 1 });
    ws.receive(ev('message', 'e1'));
    ws.receive(ev('typing', 'e2'));
    ws.receive(ev('message', 'e1'));
    ws.receive({ type: 'event', topic: 'chat/a/P', event: 'presence:join', data: { connectionId: 'c', state: {} }, timestamp: 2 });
    expect(got).toEqual(['all:message:e1', 'all:typing:e2', 'typing:e2']);
    // A later subscription to a confirmed topic asks again: its own `subscribed` starts its history.
    subscribeEvents(rt, 'chat/a');
    expect(ws.frames().at(-1)).toEqual({ type: 'subscribe', topic: 'chat/a' });
    expect(ws.frames().filter((f) => f.type === 'subscribe')).toHaveLength(3);
    expect(ws.frames().filter((f) => f.type === 'unsubscribe')).toHaveLength(0); // others remain
    all.unsubscribe();
    rt.close();
  });
});

describe('resume: no gap after a reconnect', () => {
  const message = (id: string, created_at: number, event = 'message'): Stored => ({ id, room_id: 'chat/a/P', user_id: 'u', event, data: { id }, created_at });

  it('fetches the persisted events missed (paging with before), merges the live ones that came meanwhile, and delivers each once, oldest first', async () => {
    vi.useFakeTimers();
    vi.spyOn(Math, 'random').mockReturnValue(0);
    const rooms = new Map<string, Stored[]>([['chat/a/P', [message('old', 50)]]]);
    const requests: { url: URL; headers: Record<string, string> }[] = [];
    let open: (() => void) | undefined;
    let gated = false;
    const gate = () => (gated ? new Promise<void>((r) => (open = r)) : Promise.resolve());
    const client = new AerostackClient({ apiKey: 'k1', baseURL: 'http://localhost:8787/v1', fetch: historyFetch(rooms, requests, gate), maxRetries: 0 });
    const { rt, ws } = await opened({ token: 'jwt1' }, client);
    const sub = subscribeEvents<{ id: string }>(rt, 'chat/a');
    const got: string[] = [];
    sub.on((e) => got.push(e.id));
    ws.confirm();
    await settle();
    // The first subscribed: where history stands (newest: 50), nothing delivered from it.
    expect(requests.map((r) => r.url.search)).toEqual(['?room=chat%2Fa%2FP&limit=1']);
    expect(requests[0]!.headers).toMatchObject({ 'x-aerostack-key': 'k1', authorization: 'Bearer jwt1' });
    const live = (id: string, timestamp: number) => ({ type: 'event', topic: 'chat/a/P', event: 'message', data: { id }, id, timestamp });
    ws.receive(live('e1', 100));
    expect(got).toEqual(['e1']);
    // Our own publish (persisted) is never delivered back.
    publish(rt, 'chat/a', 'message', { id: 'mine' }, { persist: true, id: 'mine' }).catch(() => {}); // never acked here
    ws.drop();
    // While disconnected: 150 events stored (two pages), among them ours.
    const stored = [message('e1', 100)];
    for (let i = 1; i <= 150; i++) stored.push(message(i === 75 ? 'mine' : `m${i}`, 100 + i));
    rooms.get('chat/a/P')!.push(...stored);
    gated = true;
    await vi.advanceTimersByTimeAsync(1000);
    const ws2 = FakeSocket.last;
    ws2.open();
    ws2.confirm();
    await settle();
    // While history is read: a live event, and a live copy of a stored one.
    ws2.receive(live('m150', 250));
    ws2.receive(live('n1', 260));
    ws2.receive(live('n0', 175.5)); // not persisted, sent live between two stored ones
    expect(got).toEqual(['e1']);
    open!();
    await settle();
    open!();
    await settle();
    expect(requests.slice(1).map((r) => r.url.search)).toEqual(['?room=chat%2Fa%2FP&limit=100', '?room=chat%2Fa%2FP&limit=100&before=151']);
    const stored1to150 = Array.from({ length: 150 }, (_, i) => `m${i + 1}`);
    const expected = ['e1', ...stored1to150.slice(0, 74), 'n0', ...stored1to150.slice(75), 'n1'];
    expect(got).toEqual(expected);
    rt.close();
  });

  it('a history that cannot be read is a RESUME_FAILED error on the subscription; the live events still arrive', async () => {
    vi.useFakeTimers();
    vi.spyOn(Math, 'random').mockReturnValue(0);
    let fail = false;
    const ok = historyFetch(new Map());
    const client = new AerostackClient({
      apiKey: 'k1',
      baseURL: 'http://localhost:8787/v1',
      maxRetries: 0,
      fetch: async (input, init) => (fail ? new Response('{"code":"INTERNAL"}', { status: 500 }) : ok(input, init)),
    });
    const { rt, ws } = await opened({}, client);
    const sub = subscribeEvents(rt, 'chat/a');
    const errors: SDKError[] = [];
    sub.onError((e) => errors.push(e));
    const got: string[] = [];
    sub.on((e) => got.push(e.id));
    ws.confirm();
    await settle();
    ws.receive({ type: 'event', topic: 'chat/a/P', event: 'message', data: 1, id: 'e1', timestamp: 10 });
    ws.drop();
    fail = true;
    await vi.advanceTimersByTimeAsync(1000);
    FakeSocket.last.open();
    FakeSocket.last.confirm();
    FakeSocket.last.receive({ type: 'event', topic: 'chat/a/P', event: 'message', data: 1, id: 'e2', timestamp: 20 });
    await settle();
    expect(errors.map((e) => e.code)).toEqual(['RESUME_FAILED']);
    expect(got).toEqual(['e1', 'e2']);
    rt.close();
  });
});

describe('presence', () => {
  it('delivers sync, join and leave, typed', async () => {
    const { rt, ws } = await opened();
    const sub = subscribePresence<{ name: string }>(rt, 'chat/a');
    ws.confirm();
    const got: PresenceEvent<{ name: string }>[] = [];
    sub.on((e) => got.push(e));
    const member = { connectionId: 'c1', userId: 'u1', state: { name: 'Ada' } };
    ws.receive({ type: 'event', topic: 'chat/a/P', event: 'presence:sync', data: { members: [member] }, timestamp: 1 });
    ws.receive({ type: 'event', topic: 'chat/a/P', event: 'presence:join', data: member, timestamp: 2 });
    ws.receive({ type: 'event', topic: 'chat/a/P', event: 'message', data: {}, id: 'x', timestamp: 3 });
    ws.receive({ type: 'event', topic: 'chat/a/P', event: 'presence:leave', data: member, timestamp: 4 });
    expect(got).toEqual([
      { type: 'sync', members: [member], topic: 'chat/a/P' },
      { type: 'join', member, topic: 'chat/a/P' },
      { type: 'leave', member, topic: 'chat/a/P' },
    ]);
    rt.close();
  });
});

describe('history', () => {
  it('GETs the host-rooted route with room, limit and before, with the key', async () => {
    const requests: { url: URL; headers: Record<string, string> }[] = [];
    const rooms = new Map([['chat/a', [{ id: 'a', room_id: 'chat/a/P', user_id: null, event: 'm', data: 1, created_at: 4 }]]]);
    const client = new AerostackClient({ apiKey: 'k1', baseURL: 'https://api.example.com/v1', fetch: historyFetch(rooms, requests) });
    const page = await history<number>(client, { room: 'chat/a', limit: 10, before: 5 });
    expect(page.messages[0]?.data).toBe(1);
    expect(String(requests[0]!.url)).toBe('https://api.example.com/api/v1/public/realtime/history?room=chat%2Fa&limit=10&before=5');
    expect(requests[0]!.headers['x-aerostack-key']).toBe('k1');
  });
});
