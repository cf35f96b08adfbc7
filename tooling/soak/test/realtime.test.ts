// The realtime soak: one emulator, many `@aerostack/realtime` connections subscribed to a few rooms
// (and some to tables), publishers sending thousands of persisted events while the emulator drops
// sockets (`POST /__emulator/realtime/drop`, some single sockets, some all of them) at points drawn from
// the seed. At the end every subscriber must have got every persisted event of its room exactly once,
// in the room's history order, and every table subscriber each change of its table at most once, in
// commit order (all of them for the writes made after the last drop). Then close() leaves nothing open.
// Judged by what happened, never by how long it took. See README.md, "The realtime soak".
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { mkdirSync, writeFileSync } from 'node:fs';
import { AerostackClient } from '@aerostack/core';
import { startEmulator, type Emulator } from '@aerostack/emulator';
import { connect, history, publish, subscribeEvents, subscribeTable, type Realtime, type RealtimeEvent, type Subscription, type TableChange } from '@aerostack/realtime';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { Control } from './support/control';
import { createRng, seedFrom } from './support/prng';
import { checkPublisherOrder, compareSequence, compareSubsequence, type PublishRecord } from './support/realtime-judge';
import { planRealtime, readRealtimeConfig, topicName } from './support/realtime-plan';
import { changeKey, TableWriter, type Row } from './support/realtime-writer';
import { activeResources, grownSince, sleep, waitFor } from './support/resources';

const config = readRealtimeConfig();
const seed = seedFrom(process.env.SOAK_SEED);
const rng = createRng(seed);
const reproduce = `SOAK_SEED=${seed} RT_SOAK_EVENTS=${config.events} RT_SOAK_SUBSCRIBERS=${config.subscribers} RT_SOAK_DROPS=${config.drops}`;
/** Hang guards, far above what an idle machine needs; each wait ends as soon as its condition holds. */
const DELIVERY_GUARD_MS = 120_000;
const LEAK_GUARD_MS = 20_000;
const TABLES = ['rt_a', 'rt_b'];

interface Subscriber {
  index: number;
  rt: Realtime;
  room: string;
  table: string | undefined;
  events: RealtimeEvent<{ n: number }>[];
  changes: TableChange<Row>[];
  errors: string[];
  subs: Subscription<unknown>[];
}

let emulator: Emulator | undefined;
let control: Control;
let apiKey: string;
let client: AerostackClient;
const connections: Realtime[] = [];
const reconnects = new Map<Realtime, number>();
const figures: Record<string, unknown> = { seed };

function open(index: number): Realtime {
  const rt = connect(client, { WebSocket, userId: `u${index}` });
  reconnects.set(rt, 0);
  rt.onStatusChange((status) => {
    if (status === 'reconnecting') reconnects.set(rt, (reconnects.get(rt) ?? 0) + 1);
  });
  connections.push(rt);
  return rt;
}

/** Resolves when every connection is open again (a hang guard, not a measure). */
async function allConnected(what: string): Promise<void> {
  const ok = await waitFor(() => connections.every((rt) => rt.status === 'connected'), DELIVERY_GUARD_MS);
  if (!ok) throw new Error(`${what}: connections not open after ${DELIVERY_GUARD_MS} ms: ${connections.map((rt) => rt.status).filter((s) => s !== 'connected').join(', ')}`);
}

/**
 * A round trip on the connection: the server answers a publish after it has handled every frame sent
 * before it on that socket (the subscriptions re-sent on open come first), so the subscriptions are live.
 */
const barrier = (rt: Realtime) => publish(rt, 'soak/barrier', 'barrier', null);

/** Every room's persisted events, oldest first, paging back through history. */
async function readRoom(room: string): Promise<{ id: string; created_at: number }[]> {
  const all: { id: string; created_at: number }[] = [];
  for (let before: number | undefined; ; ) {
    const page = await history(client, { room, limit: 100, before });
    all.push(...page.messages);
    if (page.messages.length < 100) return all.reverse();
    before = page.messages[99]?.created_at;
  }
}

beforeAll(async () => {
  console.log(`realtime soak: seed ${seed}, ${config.events} events, ${config.subscribers} subscribers, ${config.drops} drops (reproduce: ${reproduce})`);
  emulator = await startEmulator({ aerostackPort: 0, smarterPort: 0, inMemory: true });
  apiKey = emulator.keys[0] as string;
  client = new AerostackClient({ apiKey, baseURL: emulator.aerostackURL, logLevel: 'off' });
  control = new Control(emulator.aerostackURL);
});

afterAll(async () => {
  for (const rt of connections) rt.close();
  await emulator?.stop();
});

describe('realtime soak', () => {
  it(`every subscriber gets every persisted event of its room once, in history order, and each table change at most once in commit order, through dropped sockets (seed ${seed})`, async () => {
    const plan = planRealtime(rng.fork('plan'), config);
    const writers = TABLES.map((t) => new TableWriter(t, client, rng.fork(t)));
    for (const w of writers) await w.create();
    const before = activeResources();
    figures['x:resources before'] = before;

    // Subscribers, with the publishers' connections among them (drops of n close the oldest n first).
    const subscribers: Subscriber[] = [];
    const publishers: Realtime[] = [];
    for (let i = 0; i < config.subscribers; i++) {
      if (i === Math.floor(config.subscribers / 2)) for (let p = 0; p < config.publishers; p++) publishers.push(open(1000 + p));
      const s: Subscriber = { index: i, rt: open(i), room: topicName(i % config.topics), table: i % 4 === 0 ? TABLES[(i / 4) % 2] : undefined, events: [], changes: [], errors: [], subs: [] };
      const events = subscribeEvents<{ n: number }>(s.rt, s.room);
      const table = s.table === undefined ? undefined : subscribeTable<Row>(s.rt, s.table);
      for (const sub of [events, table]) sub?.onError((e) => s.errors.push(`${e.name} ${String((e as { code?: unknown }).code)}: ${e.message}`));
      // Half take the items with callbacks, half iterate.
      if (i % 2 === 0) {
        events.on((e) => s.events.push(e));
        table?.on((c) => s.changes.push(c));
      } else {
        const drain = async <T,>(sub: Subscription<T>, into: T[]) => {
          for (;;) {
            try {
              for await (const item of sub) into.push(item);
              return;
            } catch {
              // A fault (onError has it); the subscription goes on.
            }
          }
        };
        void drain(events, s.events);
        if (table) void drain(table, s.changes);
      }
      s.subs.push(events, ...(table ? [table as Subscription<unknown>] : []));
      subscribers.push(s);
    }
    if (!publishers.length) for (let p = 0; p < config.publishers; p++) publishers.push(open(1000 + p));
    await allConnected('setup');
    await Promise.all(connections.map(barrier));
    // Each events subscription reads where its room's history stands once confirmed: wait for the topics.
    const confirmed = await waitFor(() => subscribers.every((s) => s.subs.every((sub) => sub.topic.split('/').length >= 3)), DELIVERY_GUARD_MS);
    expect(confirmed, 'subscriptions confirmed').toBe(true);

    // Publishing, with drops at the planned points and the table writes spread along it.
    const lag = monitorEventLoopDelay({ resolution: 10 });
    lag.enable();
    const started = Date.now();
    let tick = 0;
    let sent = 0;
    let nextDrop = 0;
    const drops: Promise<number>[] = [];
    const dropFailures: string[] = [];
    const waiters: { at: number; resolve: () => void }[] = [];
    const progressed = () => {
      for (const w of waiters.filter((x) => sent >= x.at)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve();
      }
      for (; nextDrop < plan.drops.length && (plan.drops[nextDrop] as { afterSent: number }).afterSent <= sent; nextDrop++) {
        const sockets = (plan.drops[nextDrop] as { sockets: number | 'all' }).sockets;
        drops.push(
          control.dropRealtime(apiKey, sockets).catch((e: unknown) => {
            dropFailures.push(String(e));
            return 0;
          }),
        );
      }
    };
    const reach = (at: number) => (sent >= at ? Promise.resolve() : new Promise<void>((resolve) => waiters.push({ at, resolve })));
    const records: PublishRecord[][] = publishers.map(() => []);
    const publishFailures: string[] = [];
    const WINDOW = 8;
    const publishing = plan.publishes.map(async (list, p) => {
      const rt = publishers[p] as Realtime;
      const inFlight = new Set<Promise<void>>();
      for (const item of list) {
        while (inFlight.size >= WINDOW) await Promise.race(inFlight);
        const record: PublishRecord = { id: item.id, sentAt: ++tick, ackedAt: undefined };
        (records[p] as PublishRecord[]).push(record);
        const done = publish(rt, item.topic, 'msg', { n: item.n }, { persist: true, id: item.id }).then(
          () => void (record.ackedAt = ++tick),
          (e: unknown) => void publishFailures.push(`${item.id}: ${String(e)}`),
        );
        const tracked = done.then(() => void inFlight.delete(tracked));
        inFlight.add(tracked);
        sent++;
        progressed();
        await Promise.resolve();
      }
      await Promise.all(inFlight);
    });
    const writing = writers.map(async (w) => {
      for (let j = 0; j < config.writesDuring; j++) {
        await reach(Math.floor((j * config.events) / config.writesDuring));
        await w.write();
      }
    });
    await Promise.all([...publishing, ...writing]);
    const dropped = await Promise.all(drops);
    expect(publishFailures, 'publishes rejected').toEqual([]);
    expect(dropFailures, 'drop requests failed').toEqual([]);

    // After the last drop: every connection open and its subscriptions live, then more writes, all of which must arrive.
    await allConnected('after the drops');
    await Promise.all(connections.map(barrier));
    const fromIndex = writers.map((w) => w.committed.length);
    for (let j = 0; j < config.writesAfter; j++) await Promise.all(writers.map((w) => w.write()));

    // The truth: each room's history, each table's SELECT against the writer's model.
    const rooms = new Map<string, { id: string; created_at: number }[]>();
    for (let t = 0; t < config.topics; t++) rooms.set(topicName(t), await readRoom(topicName(t)));
    const problems: string[] = [];
    for (const w of writers) {
      const { actual, model } = await w.compare();
      if (JSON.stringify(actual) !== JSON.stringify(model)) problems.push(`${w.table}: SELECT differs from the writer's model (${actual.length} rows, model ${model.length})`);
    }
    // History holds each published id exactly once, in the room it was sent to.
    const stored = new Map<string, number>();
    for (const [room, messages] of rooms) {
      for (const m of messages) {
        if (stored.has(m.id)) problems.push(`${m.id} stored twice (${room})`);
        stored.set(m.id, m.created_at);
      }
    }
    const planned = plan.publishes.flat();
    const misplaced = planned.filter((e) => !rooms.get(e.topic)?.some((m) => m.id === e.id));
    if (misplaced.length || stored.size !== planned.length) problems.push(`history holds ${stored.size} events for ${planned.length} published; ${misplaced.length} not in their room (first ${misplaced.slice(0, 3).map((e) => e.id).join(', ')})`);
    // Per publisher and room: published after an acknowledged one => after it in history.
    for (const [p, list] of records.entries()) {
      for (let t = 0; t < config.topics; t++) {
        const ids = new Set(plan.publishes[p]?.filter((e) => e.topic === topicName(t)).map((e) => e.id));
        problems.push(...checkPublisherOrder(list.filter((r) => ids.has(r.id)), stored).slice(0, 3).map((x) => `publisher ${p}: ${x}`));
      }
    }

    // Delivery: wait (a hang guard) until each subscriber has as many events and post-drop changes as it should.
    const want = (s: Subscriber) => (rooms.get(s.room) ?? []).map((m) => m.id);
    const writerOf = (s: Subscriber) => writers.find((w) => w.table === s.table) as TableWriter;
    const keys = (s: Subscriber) => s.changes.map((c) => changeKey(c.operation, c.data));
    const tail = (s: Subscriber) => writerOf(s).committed.slice(fromIndex[writers.indexOf(writerOf(s))]);
    const complete = (s: Subscriber) => s.events.length >= want(s).length && (!s.table || tail(s).every((k) => keys(s).includes(k)));
    await waitFor(() => subscribers.every(complete), DELIVERY_GUARD_MS, 100);
    const durationMs = Date.now() - started;
    lag.disable();

    let missedChanges = 0;
    for (const s of subscribers) {
      const label = `subscriber ${s.index} (${s.room}${s.table ? ', ' + s.table : ''})`;
      problems.push(...compareSequence(s.events.map((e) => e.id), want(s)).map((x) => `${label} events: ${x}`));
      const wrongTime = s.events.filter((e) => stored.get(e.id) !== e.timestamp);
      if (wrongTime.length) problems.push(`${label}: ${wrongTime.length} events whose timestamp is not their created_at`);
      problems.push(...s.errors.slice(0, 3).map((x) => `${label} error: ${x}`));
      if (!s.table) continue;
      const got = keys(s);
      const all = compareSubsequence(got, writerOf(s).committed);
      missedChanges += all.missed;
      problems.push(...all.problems.map((x) => `${label} changes: ${x}`));
      // After the last drop nothing may be missed: the tail of the commits, all of it, in order.
      const after = tail(s);
      problems.push(...compareSequence(got.filter((k) => after.includes(k)), after).map((x) => `${label} changes after the drops: ${x}`));
    }

    const totalReconnects = [...reconnects.values()].reduce((a, b) => a + b, 0);
    const delivered = subscribers.reduce((n, s) => n + s.events.length, 0);
    Object.assign(figures, {
      events: planned.length,
      subscribers: subscribers.length,
      tableSubscribers: subscribers.filter((s) => s.table).length,
      publishers: publishers.length,
      drops: `${plan.drops.length} (${plan.drops.filter((d) => d.sockets === 'all').length} of all sockets), ${dropped.reduce((a, b) => a + b, 0)} sockets closed`,
      reconnects: totalReconnects,
      eventsDelivered: delivered,
      changesCommitted: writers.map((w) => `${w.table} ${w.committed.length}`).join(', '),
      changesMissedWhileDropped: missedChanges,
      durationMs,
      'event-loop delay': `p99 ${Math.round(lag.percentile(99) / 1e6)} ms, max ${Math.round(lag.max / 1e6)} ms`,
    });
    console.log(`realtime soak summary (reproduce: ${reproduce})\n` + Object.entries(figures).map(([k, v]) => `  ${k}: ${typeof v === 'string' ? v : JSON.stringify(v)}`).join('\n'));
    mkdirSync('.vitest', { recursive: true });
    writeFileSync('.vitest/realtime-soak-summary.json', JSON.stringify(figures, null, 2) + '\n');
    expect(problems.length ? [`${problems.length} problem(s); reproduce with ${reproduce}`, ...problems.slice(0, 30)] : []).toEqual([]);
    expect(totalReconnects, 'the drops made connections reconnect').toBeGreaterThan(0);

    // close(): no timer or socket of the connections is left (the WebSocket's closing handshake may take a moment).
    for (const rt of connections) rt.close();
    expect(connections.every((rt) => rt.status === 'disconnected')).toBe(true);
    const leftOver = () => Object.keys(grownSince(before)).some((type) => type === 'Timeout' || type === 'TCPSocketWrap');
    await waitFor(() => !leftOver(), LEAK_GUARD_MS);
    figures['x:resources grown after close'] = grownSince(before);
    expect(grownSince(before)).not.toHaveProperty('Timeout');
    expect(grownSince(before)).not.toHaveProperty('TCPSocketWrap');
    await sleep(0);
  });
});
