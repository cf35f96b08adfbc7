// Benchmark 1: per-request cost. Requests per second and client CPU per request for the same
// chat-completions call through each client, sequential and with 64 in flight, non-streaming and
// streaming.
//
// As a child (one measurement): node --expose-gc lib/requests.mjs '<json>'
//   { kind: 'request'|'stream', client, mode: 'seq'|'conc', target: {baseURL, consumerKey, slug},
//     n, warmup, concurrency }
// It builds the client, makes `warmup` calls, collects garbage, then times `n` calls and prints
// { rps, cpuUs, n, check } (cpuUs: user+system µs of this process per call; check: the last
// call's chunk count, or 1).
//
// As a module: `measureRounds` runs rounds of such children, the clients rotated within each
// round, and `summarize` gives per-client medians of the values and of the ratios to the
// reference client taken within each round.
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { LIB_DIR, childArgs, collect, median, minmax, report, rotate, runNode } from './proc.mjs';

async function child() {
  const a = childArgs();
  const { requestClients, streamClients } = await import('./clients.mjs');
  const clients = a.kind === 'stream' ? streamClients : requestClients;
  const call = await clients[a.client](a.target);
  const width = a.mode === 'conc' ? a.concurrency : 1;
  let last;
  const run = async (count) => {
    let next = 0;
    const worker = async () => {
      while (next < count) {
        next++;
        last = await call();
      }
    };
    await Promise.all(Array.from({ length: Math.min(width, count) }, worker));
  };
  await run(a.warmup);
  collect();
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  await run(a.n);
  const cpu = process.cpuUsage(c0);
  const ms = performance.now() - t0;
  report({ rps: (a.n / ms) * 1000, cpuUs: (cpu.user + cpu.system) / a.n, n: a.n, ms, check: typeof last === 'number' ? last : 1 });
}

/**
 * Runs `rounds` rounds; in each, every (mode, client) pair once, in a fresh process, the client
 * order rotated per round. `target(round, client, mode)` gives the server and slug of a child;
 * `connections()`, when given, counts the server's accepted connections around each child.
 * Returns rows { round, mode, client, rps, cpuUs, conns, check }.
 */
export async function measureRounds({ kind, clients, modes, rounds, n, warmup, concurrency = 64, target, connections, progress, timeoutMs }) {
  const rows = [];
  for (let round = 0; round < rounds; round++) {
    for (const mode of modes) {
      for (const client of rotate(clients, round)) {
        const before = connections ? await connections() : undefined;
        const arg = { kind, client, mode, target: target(round, client, mode), n: n[mode] ?? n, warmup: warmup[mode] ?? warmup, concurrency };
        const r = await runNode(['--expose-gc', join(LIB_DIR, 'requests.mjs'), JSON.stringify(arg)], { timeoutMs });
        const conns = connections ? (await connections()) - before : undefined;
        rows.push({ round, mode, client, rps: r.rps, cpuUs: r.cpuUs, conns, check: r.check });
        progress?.(`${kind} round ${round + 1}/${rounds} ${mode} ${client}: ${Math.round(r.rps)} req/s, ${Math.round(r.cpuUs)} µs CPU/req${conns !== undefined ? `, ${conns} conns` : ''}`);
      }
    }
  }
  return rows;
}

/**
 * Per (mode, client): medians over rounds of req/s, CPU µs/req, and of the ratios to `reference`
 * computed within each round (the anchors), with the min–max of the CPU ratio.
 */
export function summarize(rows, reference) {
  const out = [];
  const modes = [...new Set(rows.map((r) => r.mode))];
  const clients = [...new Set(rows.map((r) => r.client))];
  for (const mode of modes) {
    for (const client of clients) {
      const mine = rows.filter((r) => r.mode === mode && r.client === client);
      if (!mine.length) continue;
      const rpsRatio = [];
      const cpuRatio = [];
      for (const r of mine) {
        const ref = rows.find((x) => x.mode === mode && x.client === reference && x.round === r.round);
        if (!ref) continue;
        rpsRatio.push(r.rps / ref.rps);
        cpuRatio.push(r.cpuUs / ref.cpuUs);
      }
      out.push({
        mode,
        client,
        rounds: mine.length,
        rps: median(mine.map((r) => r.rps)),
        cpuUs: median(mine.map((r) => r.cpuUs)),
        rpsRatio: median(rpsRatio),
        cpuRatio: median(cpuRatio),
        cpuRatioRange: minmax(cpuRatio),
        connsPerChild: mine[0].conns === undefined ? undefined : median(mine.map((r) => r.conns)),
        check: median(mine.map((r) => r.check)),
      });
    }
  }
  return out;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  child().catch((e) => {
    console.error(e?.stack ?? e);
    process.exit(1);
  });
}
