#!/usr/bin/env node
// `node tooling/bench/bench.mjs`: our packages side by side with raw fetch, openai, ky, ofetch,
// eventsource-parser, the Speakeasy-generated Mistral SDK and the AWS SDK. Writes RESULTS.md next
// to this file and prints the same text. Progress goes to stderr.
//
//   node bench.mjs                  everything (~8 minutes on a 2-core machine)
//   node bench.mjs requests sse     only some: bundles, requests, streaming, sse, cold, memory, emulator
//   BENCH_QUICK=1 node bench.mjs    one short round of each, to check that everything runs
//   node bench.mjs --check [names]  only checks the outside tools they need (exit 1 if one is missing)
//
// Every measurement runs in a fresh child process with its own warm-up (lib/proc.mjs); servers
// (the mock, the emulator) run in processes of their own and are stopped by their pid. The outside
// tools (hyperfine, the compared packages, our built dist/) are checked before the first measurement
// (lib/tools.mjs): a benchmark whose tool is missing is skipped, saying what to install. RESULTS.md is
// rewritten after every benchmark, so a run that stops keeps what it measured.
import { renameSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import * as bundles from './lib/bundles.mjs';
import * as cold from './lib/coldstart.mjs';
import * as emulatorBench from './lib/emulator.mjs';
import { machine, codeState } from './lib/machine.mjs';
import * as memory from './lib/memory.mjs';
import * as realtime from './lib/realtime.mjs';
import { BENCH_DIR, killStarted, log, retried, startMockServer } from './lib/proc.mjs';
import { measureRounds, summarize } from './lib/requests.mjs';
import * as sse from './lib/sse.mjs';
import { results } from './lib/table.mjs';
import { checkTools, reportMissing } from './lib/tools.mjs';

const QUICK = !!process.env.BENCH_QUICK;
const ALL = ['bundles', 'sse', 'requests', 'streaming', 'cold', 'memory', 'emulator', 'realtime'];
const args = process.argv.slice(2);
const CHECK_ONLY = args.includes('--check');
for (const flag of args.filter((a) => a.startsWith('-'))) if (flag !== '--check') throw new Error(`unknown option "${flag}" (known: --check)`);
const names = args.filter((a) => !a.startsWith('-'));
const selected = names.length ? names : ALL;
for (const s of selected) if (!ALL.includes(s)) throw new Error(`unknown benchmark "${s}" (known: ${ALL.join(', ')})`);

// Before the first measurement: every outside tool the selected benchmarks need.
const tools = checkTools(selected);
for (const line of reportMissing(tools.missing)) log(`[bench] ${line}`);
if (CHECK_ONLY) {
  if (!tools.missing.length) log(`[bench] every tool is there for: ${selected.join(', ')}`);
  process.exit(tools.missing.length ? 1 : 0);
}
if (tools.skip.size) log(`[bench] skipping ${[...tools.skip.keys()].join(', ')}; the other benchmarks run`);
const want = (name) => selected.includes(name);

// Rounds and counts: fewer than the perf baselines (10 rounds × 3,000 requests), to keep a full run
// under 10 minutes on the 2-core machine.
const S = QUICK
  ? {
      requests: { rounds: 1, n: 300, warmup: 100 },
      streaming: { rounds: 1, n: 200, warmup: 50 },
      lateEnd: { n: 50, warmup: 10 },
      emulator: { rounds: 1, n: { seq: 40, conc: 80 }, warmup: 10 },
      sse: { rounds: 1, warmup: 1, passes: 2 },
      cold: { invocations: 1, runs: 5, warmup: 1 },
      memory: { mib: 64, rounds: 1 },
      emulatorUpload: { mib: 16, rounds: 1 },
      realtime: { rounds: 1, n: 5000, warmup: 1000, memoryN: 200, fanout: [{ subscribers: 1, n: 200 }, { subscribers: 100, n: 50 }] },
    }
  : {
      requests: { rounds: 7, n: 2000, warmup: 500 },
      streaming: { rounds: 7, n: 1000, warmup: 300 },
      lateEnd: { n: 200, warmup: 20 },
      emulator: { rounds: 2, n: { seq: 200, conc: 400 }, warmup: 50 },
      sse: { rounds: 7, warmup: 2, passes: 7 },
      cold: { invocations: 4, runs: 10, warmup: 2 },
      memory: { mib: 1024, rounds: 3 },
      emulatorUpload: { mib: 1024, rounds: 1 },
      realtime: {
        rounds: 7,
        n: 100000,
        warmup: 40000,
        segments: 5,
        memoryN: 1000,
        fanout: [
          { subscribers: 1, n: 2000 },
          { subscribers: 1, n: 2000, persist: true },
          { subscribers: 100, n: 300 },
        ],
      },
    };

const REQUEST_CLIENTS = ['fetch', 'ours-fetch', 'ours-node', 'openai', 'ky', 'ofetch', 'http'];
const STREAM_CLIENTS = ['fetch-hand', 'fetch-esp', 'ours-fetch', 'ours-node', 'openai'];
const EMULATOR_CLIENTS = ['fetch', 'ours-fetch', 'ours-node', 'openai'];

const d = { started: new Date().toISOString(), machine: machine(), code: codeState(), notes: [] };
const t0 = performance.now();
const mock = { server: undefined };
const emu = { server: undefined };

async function section(name, fn, group = name) {
  if (!want(group)) return undefined;
  if (tools.skip.has(group)) return { error: tools.skip.get(group), skipped: true };
  const start = performance.now();
  log(`[bench] ${name}…`);
  try {
    return await fn();
  } catch (error) {
    log(`[bench] ${name} failed: ${error.stack ?? error}`);
    return { error: String(error.message ?? error).slice(0, 1000) };
  } finally {
    log(`[bench] ${name} took ${((performance.now() - start) / 1000).toFixed(0)} s`);
  }
}

async function mockServer() {
  mock.server ??= await startMockServer();
  return mock.server;
}

async function stopAll() {
  await mock.server?.stop();
  await emu.server?.stop();
  mock.server = emu.server = undefined;
}

process.on('SIGINT', () => {
  killStarted();
  process.exit(130);
});

d.settings = QUICK
  ? 'BENCH_QUICK (one short round of each: a smoke run, not figures to quote)'
  : `requests ${S.requests.rounds} rounds × N ${S.requests.n}; streaming ${S.streaming.rounds} × ${S.streaming.n}; emulator ${S.emulator.rounds} × ${S.emulator.n.seq}/${S.emulator.n.conc}; SSE ${S.sse.rounds} rounds × ${S.sse.passes} passes; cold start ${S.cold.invocations} × ${S.cold.runs} runs; upload ${S.memory.mib} MiB × ${S.memory.rounds} rounds (emulator × ${S.emulatorUpload.rounds})`;
if (selected.length !== ALL.length) d.settings += `; only: ${selected.join(', ')}`;

const finished = new Set();
let writes = 0;
/**
 * Writes RESULTS.md with what is measured so far, as soon as a benchmark is done: a run that stops
 * later (a crash, Ctrl-C, a machine taken back) keeps every benchmark it finished. Written to a
 * temporary file and renamed, so RESULTS.md is never half-written.
 */
function writeResults() {
  d.durationS = (performance.now() - t0) / 1000;
  d.loadEnd = os.loadavg().map((l) => l.toFixed(2)).join(' ');
  d.still = selected.filter((s) => !finished.has(s));
  const text = results(d);
  const file = process.env.BENCH_RESULTS || join(BENCH_DIR, 'RESULTS.md');
  writeFileSync(`${file}.tmp`, text);
  renameSync(`${file}.tmp`, file);
  // For the runner's own test: every version written, in order (a file read on the progress lines
  // would race the next write when two benchmarks end within one read).
  if (process.env.BENCH_RESULTS_HISTORY) writeFileSync(join(process.env.BENCH_RESULTS_HISTORY, `${String(++writes).padStart(3, '0')}.md`), text);
  return text;
}
/** Marks a benchmark done and writes what is measured so far. */
function done(name) {
  if (!want(name)) return;
  finished.add(name);
  writeResults();
  log(`[bench] ${name} done; the results file holds ${[...finished].join(', ')}${d.still.length ? ` (still to run: ${d.still.join(', ')})` : ''}`);
}

try {
  d.bundles = await section('bundles', async () => ({
    rows: await bundles.run(),
    method: 'esbuild 0.27.7: `bundle`, `minify`, `format: esm`, `platform: browser`, `target: es2022` (as tooling/size), one file, no code splitting (a dynamic `import()` is bundled in); then gzip level 9. Ours are bundled from their built `dist/`. The Mistral SDK\'s optional peers `@opentelemetry/*` (lazily imported tracing, not installed) are external.',
  }));

  done('bundles');

  d.sse = await section('sse', async () => {
    const file = join(os.tmpdir(), `bench-sse-${process.pid}.txt`);
    try {
      const r = await sse.run({ file, ...S.sse, progress: log });
      return { ...r, method: `The stream: ${r.bytes.toLocaleString('en-US')} B, ${r.events.toLocaleString('en-US')} \`chat.completion.chunk\` events (ASCII plus multibyte text) and \`[DONE]\`, generated with a fixed seed, cut into independent 4 KiB \`Uint8Array\`s. Each variant in a fresh process: ${S.sse.warmup} warm-up passes, then ${S.sse.passes} timed passes over the whole stream; median of ${S.sse.rounds} rounds (variant order rotated). "+json": every event's data also goes through \`JSON.parse\`. Ours is \`createSSEParser\` as exported by the built \`@aerostack/core\` (packages/aerostack/core/src/sse.ts). Ratios are to \`createParser\` fed the same way with the same JSON work, in the same round.` };
    } finally {
      (await import('node:fs')).rmSync(file, { force: true });
    }
  });

  done('sse');

  d.requests = await section('requests', async () => {
    const server = await mockServer();
    const rows = await measureRounds({ kind: 'request', clients: REQUEST_CLIENTS, modes: ['seq', 'conc'], ...S.requests, target: () => ({ baseURL: server.baseURL, consumerKey: 'ask_test_bench', slug: 'bench' }), connections: server.connections, progress: log });
    return { rows, summary: summarize(rows, 'fetch'), method: `N = ${S.requests.n} requests after ${S.requests.warmup} warm-up requests, in a fresh process per round × client × mode; ${S.requests.rounds} rounds, clients rotated within each round; medians over rounds. CPU: user + system from \`process.cpuUsage()\` in the client process ÷ N. "64 in flight": 64 callers share the N requests. Ours: \`chatCompletions(client, {apiSlug, model, messages}, {consumerKey})\` with \`new AerostackClient({baseURL, transport})\`, default options otherwise; openai: \`chat.completions.create\` with \`maxRetries: 0\`; ky: \`ky.create({prefixUrl, headers, retry: 0}).post(path, {json}).json()\`; ofetch: \`ofetch.create({baseURL, headers, retry: 0})(path, {method: 'POST', body})\`. "connections / process": TCP connections the server accepted during one process (warm-up included).` };
  });

  done('requests');

  d.streaming = await section('streaming', async () => {
    const server = await mockServer();
    const rows = await measureRounds({ kind: 'stream', clients: STREAM_CLIENTS, modes: ['seq', 'conc'], ...S.streaming, target: () => ({ baseURL: server.baseURL, consumerKey: 'ask_test_bench', slug: 'bench' }), connections: server.connections, progress: log });
    return { rows, summary: summarize(rows, 'fetch-hand'), method: `N = ${S.streaming.n} streams after ${S.streaming.warmup} warm-up streams per process; ${S.streaming.rounds} rounds, rotated; medians. Ours: \`for await (const c of await chatCompletionsStream(...))\`; openai: \`for await (const c of await chat.completions.create({..., stream: true}))\`.` };
  });

  d.lateEnd = await section('streaming', async () => {
    const server = await mockServer();
    const { n, warmup } = S.lateEnd;
    const rows = await measureRounds({ kind: 'stream', clients: STREAM_CLIENTS, modes: ['seq'], rounds: 1, n, warmup, target: () => ({ baseURL: server.baseURL, consumerKey: 'ask_test_bench', slug: 'late-end' }), connections: server.connections, progress: (l) => log(`late-end ${l}`) });
    return { summary: summarize(rows, 'fetch-hand'), method: `The streaming call of 1b, sequential, but the server sends the events and \`[DONE]\` at once and ends the body 1 ms later, as a proxy relaying an upstream does. A client that cancels the body at \`[DONE]\` (ours, the hand parse and eventsource-parser rows here) closes the connection instead of returning it to the pool; one that reads on to the end (openai) keeps it but waits for the end. ${n} streams after ${warmup} warm-up streams, one round: the connection count is the point, not the CPU.` };
  });

  done('streaming');

  d.cold = await section('cold', async () => {
    const server = await mockServer();
    let rows;
    try {
      rows = await cold.run({ baseURL: server.baseURL, ...S.cold, progress: log });
    } catch (error) {
      // A dist/ rebuilt by someone else mid-run fails a command: one more try.
      retried.push(`cold start hyperfine: ${String(error.message).slice(0, 200)}`);
      log(`[bench] cold start failed, retrying once: ${error.message}`);
      await new Promise((r) => setTimeout(r, 5000));
      rows = await cold.run({ baseURL: server.baseURL, ...S.cold, progress: log });
    }
    return { rows, method: `hyperfine 1.15 \`-N --warmup ${S.cold.warmup} --runs ${S.cold.runs} --export-json\`, ${S.cold.invocations} invocations with the command order rotated; each median is over all ${S.cold.invocations * S.cold.runs} runs pooled. Each command is a fresh \`node --input-type=module -e '…'\` that imports the client and makes **one** call to the mock server (\`/v1/cache/get\`, or the chat route for openai and ours' gateway row), then exits.` };
  });

  done('cold');

  d.memory = await section('memory', async () => {
    const server = await mockServer();
    const mockRows = await memory.run({ baseURL: server.baseURL, ...S.memory, progress: log });
    return { mock: mockRows, mib: S.memory.mib, method: `A ${S.memory.mib} MiB generated \`ReadableStream\` (a fresh 64 KiB chunk per pull, \`highWaterMark: 1\`: never held) uploaded in a fresh process. Peak RSS growth = kernel high-water mark (VmHWM, reset through /proc/self/clear_refs just before the upload; RSS also sampled every 5 ms) − RSS just before the upload (after a 1 MiB upload the same way, and gc). Mock: the server reads and discards the body and answers the byte count, which is checked. Emulator: R2 (the worker writes 5 MiB parts as they arrive, a slower reader); the stored size is checked with \`getMetadata\`. Medians over rounds.` };
  });

  if (d.memory?.skipped) d.memory.mib = S.memory.mib;
  done('memory');

  if (want('emulator')) {
    await mock.server?.stop();
    mock.server = undefined;
    d.emulator = await section('emulator', async () => {
      emu.server = await emulatorBench.start();
      const summary = await emulatorBench.requests(emu.server, { clients: EMULATOR_CLIENTS, ...S.emulator, progress: log });
      return { summary, method: `N = ${S.emulator.n.seq} sequential / ${S.emulator.n.conc} with 64 in flight, after ${S.emulator.warmup} warm-up requests; ${S.emulator.rounds} rounds, rotated; medians.` };
    });
    const up = await section('emulator upload', async () => ({ rows: await emulatorBench.upload(emu.server ?? (emu.server = await emulatorBench.start()), { ...S.emulatorUpload, progress: log }) }), 'emulator');
    if (up) {
      d.memory ??= { method: '', mib: S.emulatorUpload.mib };
      if (up.error) d.memory.emulatorError = up.error;
      else {
        d.memory.emulator = up.rows;
        d.memory.method += ` Emulator upload: ${S.emulatorUpload.mib} MiB.`;
      }
    }
    done('emulator');
  }

  d.realtime = await section('realtime', async () => {
    emu.server ??= await emulatorBench.start();
    const r = await realtime.run({ ...S.realtime, emulator: emu.server, progress: log });
    const fan = S.realtime.fanout.map((f) => `${f.subscribers} subscriber(s) × ${f.n} events${f.persist ? ' persisted' : ''}`).join(', ');
    return {
      ...r,
      method: `**Client CPU per event**: the feed server (lib/realtime-server.mjs, \`ws\` in a process of its own) sends pre-made \`event\` frames (~150 B) as fast as the socket takes them; the frames of one feed are framed ahead and written to the socket at once (so the client reads full buffers whatever the server's pace); each client process subscribes, takes ${S.realtime.warmup} warm-up events, collects garbage and pauses 100 ms, then ${S.realtime.n} measured ones in ${S.realtime.segments ?? 1} feeds, each timed on its own; CPU = user + system of the client process ÷ events, the process's figure being its median feed. raw = a \`ws\` WebSocket whose \`onmessage\` does \`JSON.parse\` and counts the topic's events; ours = \`connect(client, { WebSocket })\` + \`subscribeEvents\` with \`.on()\` or \`for await\`. ${S.realtime.rounds} rounds, variants rotated; ratios within a round, medians. **Memory per idle subscription**: ${S.realtime.memoryN} subscriptions on one connection (distinct topics, each confirmed; an events subscription also reads its room's history once), heap used after two \`gc()\` minus before, ÷ ${S.realtime.memoryN}. **Through the emulator** (workerd, its own process): one publisher connection, 64 publishes in flight, to ${fan}; time from the first publish until every subscriber has every event (the client and the emulator share the 2 cores, so this measures the pair).`,
    };
  });

  done('realtime');
} finally {
  await stopAll();
  killStarted();
}

if (retried.length) d.notes.push(`Children that failed once and were run again (another engineer's rebuild of a dist/ folder mid-run is the usual cause): ${retried.join('; ')}`);
for (const r of d.memory?.mock ?? []) if (!r.hwmReset) d.notes.push(`memory ${r.client}: VmHWM could not be reset; the peak is the 5 ms RSS sampling only.`);
const current = codeState();
const rebuilt = Object.keys(current.packages).filter((p) => current.packages[p] !== d.code.packages[p]);
if (rebuilt.length) d.notes.push(`Rebuilt by someone else during the run (run started ${d.started}): ${rebuilt.map((p) => `${p} at ${current.packages[p]}`).join(', ')}. Benchmarks that started after a rebuild measured the new build.`);
for (const p of current.dirtySrc) if (!d.code.dirtySrc.includes(p)) d.notes.push(`${p} had uncommitted changes by the end of the run.`);

const text = writeResults();
process.stdout.write(text);
log(`[bench] wrote ${process.env.BENCH_RESULTS || join(BENCH_DIR, 'RESULTS.md')} in ${(d.durationS / 60).toFixed(1)} min`);
