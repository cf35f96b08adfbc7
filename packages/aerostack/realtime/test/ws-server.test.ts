// Against a real WebSocket server speaking the contract (test/server.ts), with `ws` as the
// WebSocket option: the Node 20 path.
import { AerostackClient, AuthenticationError } from '@aerostack/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { connect, publish, subscribeEvents, subscribePresence, subscribeTable, track, type PresenceEvent, type Realtime, type RealtimeStatus } from '../src/index';
import { startServer, type TestServer } from './server';

let server: TestServer;
const open: Realtime[] = [];

beforeEach(async () => {
  server = await startServer();
});
afterEach(async () => {
  for (const rt of open.splice(0)) rt.close();
  await server.stop();
});

function client(apiKey = 'k1') {
  return new AerostackClient({ apiKey, baseURL: server.baseURL, maxRetries: 0 });
}
function start(options: Parameters<typeof connect>[1] = {}, apiKey?: string): Realtime {
  const rt = connect(client(apiKey), { WebSocket, ...options });
  open.push(rt);
  return rt;
}
function until(rt: Realtime, status: RealtimeStatus): Promise<void> {
  return new Promise((resolve) => {
    if (rt.status === status) return resolve();
    const stop = rt.onStatusChange((s) => s === status && (stop(), resolve()));
  });
}
/** Resolves with the first `n` items of a subscription's callbacks. */
function take<T>(sub: { on(h: (item: T) => void): () => void }, n: number): Promise<T[]> {
  const items: T[] = [];
  return new Promise((resolve) => {
    const stop = sub.on((item) => {
      items.push(item);
      if (items.length === n) {
        stop();
        resolve(items);
      }
    });
  });
}
/** Timers and sockets open now, by kind (Node's own accounting). */
function handles(): Record<string, number> {
  const count: Record<string, number> = {};
  for (const kind of process.getActiveResourcesInfo()) count[kind] = (count[kind] ?? 0) + 1;
  return count;
}

describe('against a WebSocket server (ws on Node 20)', () => {
  it('a table subscription iterates filtered changes; break unsubscribes; close() leaves no timer or socket open', async () => {
    const before = handles();
    const rt = start();
    const sub = subscribeTable<{ id: number; status: string }>(rt, 'orders', { filter: { status: 'open' } });
    await until(rt, 'connected');
    // The subscription is confirmed (`subscribed` re-keys it) before the server sends changes.
    while (sub.topic !== 'table/orders/P') await new Promise((r) => setTimeout(r, 5));
    server.change('orders', 'INSERT', { id: 1, status: 'paid' });
    server.change('orders', 'INSERT', { id: 2, status: 'open' });
    const got: number[] = [];
    for await (const change of sub) {
      got.push(change.data.id);
      break;
    }
    expect(got).toEqual([2]);
    rt.close();
    await server.drained();
    // Let the client side finish closing its TCP socket.
    await new Promise((r) => setTimeout(r, 50));
    const after = handles();
    expect(after.Timeout ?? 0).toBeLessThanOrEqual(before.Timeout ?? 0);
    expect(after.TCPSocketWrap ?? 0).toBeLessThanOrEqual(before.TCPSocketWrap ?? 0);
  });

  it('a refused key ends in an AuthenticationError with the close code and reason, and is not retried', async () => {
    const rt = start({}, 'wrong');
    const sub = subscribeTable(rt, 'orders');
    await expect(sub[Symbol.asyncIterator]().next()).rejects.toBeInstanceOf(AuthenticationError);
    expect(rt.status).toBe('disconnected');
    expect(rt.error).toMatchObject({ closeCode: 4001, closeReason: 'AUTH_INVALID_KEY: Invalid or missing API key' });
    // Longer than the first reconnect delay could be (1.3 s): still one connection.
    await new Promise((r) => setTimeout(r, 1500));
    expect(server.connections).toBe(1);
  });

  it('a token refused on the live connection (setToken) ends it with AUTH_INVALID_TOKEN; a good one is acknowledged', async () => {
    const rt = start({ token: 'good' });
    await until(rt, 'connected');
    rt.setToken('bad');
    await until(rt, 'disconnected');
    expect(rt.error).toBeInstanceOf(AuthenticationError);
    expect(rt.error).toMatchObject({ code: 'AUTH_INVALID_TOKEN', closeCode: 4001, closeReason: 'AUTH_INVALID_TOKEN: token expired' });
    await new Promise((r) => setTimeout(r, 1500));
    expect(server.connections).toBe(1);
  });

  it('after a drop (1012): reconnects, re-subscribes, and delivers the persisted events missed meanwhile once, in order', async () => {
    const reader = start();
    const writer = start();
    const events = subscribeEvents<{ n: number }>(reader, 'chat/room1');
    const statuses: RealtimeStatus[] = [];
    reader.onStatusChange((s) => statuses.push(s));
    await until(reader, 'connected');
    await until(writer, 'connected');
    while (events.topic !== 'chat/room1/P') await new Promise((r) => setTimeout(r, 5));
    const first = take(events, 1);
    await publish(writer, 'chat/room1', 'message', { n: 1 }, { persist: true });
    expect((await first).map((e) => e.data.n)).toEqual([1]);

    const rest = take(events, 3);
    server.drop(1); // the oldest socket: the reader's
    await until(reader, 'reconnecting');
    for (const n of [2, 3, 4]) await publish(writer, 'chat/room1', 'message', { n }, { persist: true });
    const got = await rest;
    expect(got.map((e) => e.data.n)).toEqual([2, 3, 4]);
    expect(statuses).toEqual(['connected', 'reconnecting', 'connected']);
    // And nothing more arrives twice: one more live event is the next one delivered.
    const next = take(events, 1);
    await publish(writer, 'chat/room1', 'message', { n: 5 }, { persist: true });
    expect((await next).map((e) => e.data.n)).toEqual([5]);
  });

  it('presence: a member who tracks is seen joining with its state and leaving when its connection closes', async () => {
    const watcher = start();
    const member = start({ userId: 'ada' });
    const presence = subscribePresence<{ name: string }>(watcher, 'chat/room1');
    await until(watcher, 'connected');
    while (presence.topic !== 'chat/room1/P') await new Promise((r) => setTimeout(r, 5));
    const seen = take<PresenceEvent<{ name: string }>>(presence, 2);
    track(member, 'chat/room1', { name: 'Ada' });
    await until(member, 'connected');
    await new Promise((r) => setTimeout(r, 20));
    member.close();
    const [join, leave] = await seen;
    expect(join).toMatchObject({ type: 'join', member: { userId: 'ada', state: { name: 'Ada' } } });
    expect(leave).toMatchObject({ type: 'leave', member: { userId: 'ada' } });
  });
});
