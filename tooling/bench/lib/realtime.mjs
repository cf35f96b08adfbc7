// Benchmark 6: realtime (`@aerostack/realtime`, with `ws` as the WebSocket on Node 20).
//
// As a child (one measurement): node --expose-gc lib/realtime.mjs '<json>'
//   { kind: 'cpu', variant: 'raw'|'ours-on'|'ours-iter', origin, n, warmup, segments }
//       against the feed server (lib/realtime-server.mjs): subscribes, has `warmup` then `n` event
//       frames fed as fast as possible (the n in `segments` feeds), and prints { cpuUs, eventsPerS } per
//       event: the median over the segments.
//       raw = a `ws` WebSocket whose onmessage `JSON.parse`s each frame and counts the events of the topic.
//   { kind: 'fanout', baseURL, key, subscribers, n, persist }
//       through the emulator: `subscribers` connections subscribed to one room, one publisher sending n
//       events (64 in flight); prints { eventsPerS, deliveriesPerS } until the last subscriber has all.
//   { kind: 'memory', origin, n, what: 'events'|'table' }
//       heap growth per idle subscription: n subscriptions on one connection, after gc.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LIB_DIR, childArgs, collect, median, minmax, report, rotate, runNode, startHelper } from './proc.mjs';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function until(done, what, ms = 120_000) {
  const end = Date.now() + ms;
  while (!done()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(2);
  }
}

async function feed(origin, n, offset) {
  const r = await fetch(`${origin}/feed?n=${n}&offset=${offset}`, { method: 'POST' });
  if (!r.ok) throw new Error(`feed: ${r.status}`);
  await r.text();
}

async function cpuChild(a) {
  const { WebSocket } = await import('ws');
  let count = 0;
  let target = Infinity;
  let onDone;
  const counted = () => {
    if (++count === target) onDone();
  };
  let close;
  if (a.variant === 'raw') {
    const ws = new WebSocket(`${a.origin.replace(/^http/, 'ws')}/api/realtime`, ['aerostack-key.bench', 'aerostack-v1']);
    await new Promise((resolve, reject) => ((ws.onopen = resolve), (ws.onerror = reject)));
    let subscribed = false;
    ws.onmessage = (e) => {
      const frame = JSON.parse(e.data);
      if (frame.type === 'event' && frame.topic === 'bench/room/P') counted();
      else if (frame.type === 'subscribed') subscribed = true;
    };
    ws.send(JSON.stringify({ type: 'subscribe', topic: 'bench/room' }));
    await until(() => subscribed, 'subscribed');
    close = () => ws.close();
  } else {
    const { AerostackClient } = await import('@aerostack/core');
    const { connect, subscribeEvents } = await import('@aerostack/realtime');
    const rt = connect(new AerostackClient({ apiKey: 'bench', baseURL: `${a.origin}/v1`, logLevel: 'off' }), { WebSocket });
    const sub = subscribeEvents(rt, 'bench/room');
    if (a.variant === 'ours-on') sub.on(counted);
    else void (async () => { for await (const e of sub) if (e) counted(); })();
    await until(() => sub.topic === 'bench/room/P', 'subscribed');
    await sleep(50); // the first history read (where the room stands) is answered
    close = () => rt.close();
  }
  await feed(a.origin, a.warmup, 0);
  await until(() => count >= a.warmup, 'the warm-up events');
  // The measured events in `segments` feeds of n / segments each, every one timed on its own; the
  // process reports the median segment, so a burst (a GC, the scheduler) in one feed does not decide it.
  const per = Math.floor(a.n / a.segments);
  const cpus = [];
  const rates = [];
  let total = 0;
  // One gc() after the warm-up, then a pause: the collector's concurrent threads (sweeping) count in
  // process.cpuUsage(), and a gc() right before a timed feed charged that to it (about 50 ms: 2.5 µs
  // per event over 20,000, more for ours, whose heap is larger). No gc() between segments either.
  collect();
  await sleep(100);
  for (let s = 0, offset = a.warmup; s < a.segments; s++, offset += per) {
    count = 0;
    target = per;
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    const fed = feed(a.origin, per, offset);
    // Woken by the event that completes the count (no polling timer in the measured time).
    await new Promise((resolve) => (onDone = resolve));
    const cpu = process.cpuUsage(c0);
    const ms = performance.now() - t0;
    await fed;
    total += count;
    cpus.push((cpu.user + cpu.system) / per);
    rates.push((per / ms) * 1000);
  }
  close();
  report({ cpuUs: median(cpus), eventsPerS: median(rates), n: total, segments: cpus.map((c) => +c.toFixed(2)) });
  process.exit(0);
}

async function fanoutChild(a) {
  const { WebSocket } = await import('ws');
  const { AerostackClient } = await import('@aerostack/core');
  const { connect, publish, subscribeEvents } = await import('@aerostack/realtime');
  const client = new AerostackClient({ apiKey: a.key, baseURL: a.baseURL, logLevel: 'off' });
  const room = `bench/fan-${a.subscribers}-${a.persist ? 'p' : 'l'}-${process.pid}`;
  const counts = Array.from({ length: a.subscribers }, () => 0);
  const conns = [];
  const subs = [];
  for (let i = 0; i < a.subscribers; i++) {
    const rt = connect(client, { WebSocket });
    conns.push(rt);
    const sub = subscribeEvents(rt, room);
    sub.on(() => counts[i]++);
    subs.push(sub);
  }
  const pub = connect(client, { WebSocket });
  conns.push(pub);
  await until(() => subs.every((s) => s.topic !== room) && pub.status === 'connected', 'every subscription confirmed');
  await sleep(200); // their first history reads
  const t0 = performance.now();
  const inFlight = new Set();
  for (let i = 0; i < a.n; i++) {
    while (inFlight.size >= 64) await Promise.race(inFlight);
    const p = publish(pub, room, 'msg', { text: 'hello', n: i }, { persist: a.persist }).then(() => inFlight.delete(p));
    inFlight.add(p);
  }
  await Promise.all(inFlight);
  await until(() => counts.every((c) => c >= a.n), `all ${a.n} events at every subscriber (have ${Math.min(...counts)})`);
  const ms = performance.now() - t0;
  for (const rt of conns) rt.close();
  report({ eventsPerS: (a.n / ms) * 1000, deliveriesPerS: ((a.n * a.subscribers) / ms) * 1000, ms });
  process.exit(0);
}

async function memoryChild(a) {
  const { WebSocket } = await import('ws');
  const { AerostackClient } = await import('@aerostack/core');
  const { connect, subscribeEvents, subscribeTable } = await import('@aerostack/realtime');
  const rt = connect(new AerostackClient({ apiKey: 'bench', baseURL: `${a.origin}/v1`, logLevel: 'off' }), { WebSocket });
  // One subscription first: the module's and the connection's own allocations are not counted.
  const first = a.what === 'table' ? subscribeTable(rt, 'warm') : subscribeEvents(rt, 'bench/warm');
  await until(() => rt.status === 'connected' && first.topic !== 'warm' && first.topic !== 'bench/warm', 'connected');
  await sleep(100);
  const heap = () => {
    collect();
    collect();
    return process.memoryUsage().heapUsed;
  };
  const before = heap();
  const subs = [];
  for (let i = 0; i < a.n; i++) subs.push(a.what === 'table' ? subscribeTable(rt, `t${i}`) : subscribeEvents(rt, `bench/r${i}`));
  await until(() => subs.every((s) => s.topic.endsWith('/P')), 'every subscription confirmed');
  await sleep(300); // the events subscriptions' first history reads
  const after = heap();
  report({ bytesPerSub: (after - before) / a.n, n: a.n, gc: typeof globalThis.gc === 'function' });
  rt.close();
  process.exit(0);
}

const VARIANTS = ['raw', 'ours-on', 'ours-iter'];

/** Runs the three measurements; returns rows for RESULTS.md. */
export async function run({ rounds, n, warmup, segments = 1, fanout, memoryN, emulator, progress }) {
  const feedServer = await startHelper(join(LIB_DIR, 'realtime-server.mjs'));
  const origin = `http://127.0.0.1:${feedServer.info.port}`;
  const child = (arg) => runNode(['--expose-gc', join(LIB_DIR, 'realtime.mjs'), JSON.stringify(arg)], { timeoutMs: 300_000 });
  try {
    const cpuRows = [];
    for (let round = 0; round < rounds; round++) {
      for (const variant of rotate(VARIANTS, round)) {
        const r = await child({ kind: 'cpu', variant, origin, n, warmup, segments });
        cpuRows.push({ round, variant, ...r });
        progress?.(`realtime round ${round + 1}/${rounds} ${variant}: ${r.cpuUs.toFixed(2)} µs CPU/event, ${Math.round(r.eventsPerS)} events/s`);
      }
    }
    const cpu = VARIANTS.map((variant) => {
      const mine = cpuRows.filter((r) => r.variant === variant);
      const ratios = mine.map((r) => r.cpuUs / cpuRows.find((x) => x.variant === 'raw' && x.round === r.round).cpuUs);
      return { variant, cpuUs: median(mine.map((r) => r.cpuUs)), eventsPerS: median(mine.map((r) => r.eventsPerS)), ratio: median(ratios), ratioRange: minmax(ratios), rounds: mine.length };
    });
    const memory = [];
    for (const what of ['events', 'table']) {
      const r = await child({ kind: 'memory', origin, n: memoryN, what });
      memory.push({ what, ...r });
      progress?.(`realtime memory ${what}: ${Math.round(r.bytesPerSub)} B per idle subscription`);
    }
    const fan = [];
    for (const f of fanout) {
      const r = await child({ kind: 'fanout', baseURL: emulator.aerostackURL, key: emulator.key, ...f });
      fan.push({ ...f, ...r });
      progress?.(`realtime fan-out ${f.subscribers} subscriber(s)${f.persist ? ', persisted' : ''}: ${Math.round(r.eventsPerS)} events/s, ${Math.round(r.deliveriesPerS)} deliveries/s`);
    }
    return { cpu, memory, fanout: fan };
  } finally {
    await feedServer.stop();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const a = childArgs();
  (a.kind === 'cpu' ? cpuChild(a) : a.kind === 'fanout' ? fanoutChild(a) : memoryChild(a)).catch((e) => {
    console.error(e?.stack ?? e);
    process.exit(1);
  });
}
