// The soak: thousands of mixed calls through the real packages, on both transports, against one
// emulator injecting faults on chosen attempts (429 with a short Retry-After, 5xx, latency, latency
// beyond the call's timeout, dropped connections, cut streams) and, in the background, through
// control-route rules. Reproducible from its seed (SOAK_SEED); sized by SOAK_OPS. See README.md.
import net from 'node:net';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { AerostackClient } from '@aerostack/core';
import * as db from '@aerostack/database';
import * as gateway from '@aerostack/gateway';
import { startEmulator, type Emulator } from '@aerostack/emulator';
import * as chatbots from '@smarter/chatbots';
import { SmarterClient } from '@smarter/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkCall, describeCall, errorName, type CallRecord } from './support/calls';
import { readConfig } from './support/config';
import { Control } from './support/control';
import { Lane } from './support/lane';
import { createRng } from './support/prng';
import { activeResources, grownSince, SocketTracker, waitFor } from './support/resources';
import { RULE_PATH, RuleDriver } from './support/rules';
import { GATEWAY_SLUG, generateScenarios, newWorld, runScenario, type Setup } from './support/scenarios';
import { settleWrites } from './support/settle';
import { figures, printFigures, saveFigures, type Figures } from './support/summary';
import { verify, type Project } from './support/verify';

const config = readConfig();
const rng = createRng(config.seed);
/** Both transports close an idle keep-alive socket after 4 s (the core's agents; undici's default). */
const KEEP_ALIVE_IDLE_MS = 4_000;
/**
 * How long past its deadline a socket or the emulator's process may take to go: a leak guard, not a
 * measure of speed (an idle timer fires late on a loaded machine; a leaked socket never closes). The
 * waits end as soon as everything is gone, so the figures still say how long it took.
 */
const LEAK_GUARD_MS = 20_000;
const reproduce = `SOAK_SEED=${config.seed} SOAK_OPS=${config.ops}`;

const tracker = new SocketTracker();
const calls: CallRecord[] = [];
const world = newWorld();
const projects: Project[] = [];
const setup: Setup = { chatbot: {} };
let emulator: Emulator | undefined;
let control: Control;
let ports: number[] = [];
let beforeEmulator: Record<string, number>;
let atStart: Record<string, number>;
let summary: Figures | undefined;
/** When the last client call ended (the verification's), to time the idle sockets from. */
let lastCallAt: number | undefined;
const extra: Record<string, unknown> = {};

/** At most `n` problems in a failure message, with the count and the seed. */
function report(problems: string[], n = 25): string[] {
  return problems.length ? [`${problems.length} problem(s); reproduce with ${reproduce}`, ...problems.slice(0, n)] : [];
}

beforeAll(async () => {
  console.log(`soak: seed ${config.seed}, ${config.ops} operations, ${config.lanes} lanes, budget ${config.budgetMs} ms (reproduce: ${reproduce})`);
  tracker.start();
  beforeEmulator = activeResources();
  emulator = await startEmulator({ aerostackPort: 0, smarterPort: 0, inMemory: true });
  ports = [emulator.aerostackURL, emulator.smarterURL].map((u) => Number(new URL(u).port));
  control = new Control(emulator.aerostackURL);

  // Two projects and two Smarter accounts: the node lanes use the first, the fetch lanes the second.
  for (let i = 0; i < 2; i++) {
    const apiKey = emulator.keys[i] as string;
    const project: Project = { apiKey, consumerKey: emulator.consumerKeys[apiKey] as string, smarterKey: emulator.smarterKeys[i] as string, setupKeys: new Set() };
    const client = new AerostackClient({
      apiKey,
      baseURL: emulator.aerostackURL,
      transport: 'node',
      logLevel: 'off',
      hooks: {
        beforeRequest: (ctx) => {
          const key = ctx.headers['idempotency-key'];
          if (key) project.setupKeys.add(key);
        },
      },
    });
    await db.query(client, db.sql`CREATE TABLE soak_rows (tag TEXT NOT NULL, scenario INTEGER NOT NULL)`);
    const { wallet } = await gateway.getWallet(client, { apiSlug: GATEWAY_SLUG }, { consumerKey: project.consumerKey });
    expect(wallet.total_consumed).toBe(0);

    const smarter = new SmarterClient({ apiKey: project.smarterKey, baseURL: emulator.smarterURL, transport: 'node', generation: 'v0.14', logLevel: 'off' });
    const name = 'soak_bot';
    await chatbots.apply(smarter, {
      apiVersion: 'smarter.sh/v1',
      kind: 'LLMClient',
      metadata: { name, description: 'The soak chatbot', version: '1.0.0' },
      spec: { config: { deployed: false, defaultModel: 'gpt-4o-mini', defaultSystemRole: 'You are terse.' }, plugins: [], functions: [] },
    });
    await chatbots.deploy(smarter, { name });
    setup.chatbot[project.smarterKey] = (await chatbots.get(smarter, { name })).manifest;
    projects.push(project);
  }
});

afterAll(async () => {
  tracker.stop();
  await emulator?.stop();
  if (summary) {
    Object.assign(summary, extra);
    printFigures(summary);
    saveFigures(summary);
  }
});

describe('soak', () => {
  it(`runs up to ${config.ops} mixed calls on both transports under injected faults: each one succeeds or throws its documented SDKError, none hangs (seed ${config.seed})`, async () => {
    atStart = activeResources();
    const scenarios = generateScenarios(rng.fork('scenarios'), config.ops, config.lanes);
    let nextId = 0;
    const lanes = Array.from({ length: config.lanes }, (_, i) => {
      const project = projects[i % 2] as Project;
      const target = { aerostackURL: emulator!.aerostackURL, smarterURL: emulator!.smarterURL, ...project };
      return new Lane(i, i % 2 === 0 ? 'node' : 'fetch', target, () => nextId++, (call) => calls.push(call));
    });
    const rules = new RuleDriver(control, rng.fork('rules'));
    // How late this process ran its callbacks: a client timer fires late, or a timeout fires before
    // an answer already in the socket is read, when the loop is busy (reported, for the timings).
    const lag = monitorEventLoopDelay({ resolution: 10 });
    lag.enable();
    const started = Date.now();
    const deadline = started + config.budgetMs;
    const budget = { stopped: false };
    const driving = rules.run();
    try {
      // A scenario's transport (and so its project) is fixed by the seed; which lane of that
      // transport runs it is not: a free lane takes the next one, so no lane is left with the tail.
      const queues = [scenarios.filter((s) => s.lane % 2 === 0), scenarios.filter((s) => s.lane % 2 === 1)];
      await Promise.all(
        lanes.map(async (lane) => {
          const queue = queues[lane.id % 2] as typeof scenarios;
          for (let scenario = queue.shift(); scenario; scenario = queue.shift()) {
            if (Date.now() > deadline) {
              budget.stopped = true;
              return;
            }
            await runScenario(lane, scenario, world, setup);
          }
        }),
      );
    } finally {
      rules.stop();
      await driving;
    }
    const durationMs = Date.now() - started;
    lag.disable();
    const ms = (ns: number) => Math.round(ns / 1e6);
    extra['x:event-loop delay of the test process'] = `p50 ${ms(lag.percentile(50))} ms, p99 ${ms(lag.percentile(99))} ms, max ${ms(lag.max)} ms`;
    const problems = calls.flatMap((call) => checkCall(call, { ruleTarget: (c) => c.kind === 'queue.getJob' }));
    summary = figures(calls, { seed: config.seed, planned: config.ops, stoppedByBudget: budget.stopped, durationMs });
    problems.push(...lanes.flatMap((lane) => lane.strays.map((s) => `lane ${lane.id}: ${s}`)));
    // Every use of a rule the emulator counted is a fault a client saw on the rule's path, and the other
    // way round; except that an attempt there whose client timed out first (a loaded machine) may have
    // used one that its client never saw.
    const left = await rules.finish();
    const onRulePath = calls.filter((c) => c.kind === 'queue.getJob').flatMap((c) => c.attempts);
    const seen = onRulePath.filter((a) => a.rule).length;
    const blind = onRulePath.filter((a) => (a.unplannedTimeout || a.unplannedLoss) && !a.fault).length;
    const used = rules.total - left;
    // The attempts the machine's load decided rather than the plan: counted and shown, not failed.
    const loaded = calls.filter((c) => c.attempts.some((a) => a.unplannedTimeout || a.unplannedLoss));
    extra['x:calls with an unplanned timeout or lost connection (first 5)'] = loaded.slice(0, 5).map(describeCall);
    extra['x:rules'] = `${rules.ids.length} rules on ${RULE_PATH}, ${rules.total} uses added (${JSON.stringify(rules.added)}), ${left} left unused, ${seen} seen by clients, ${blind} attempts there timed out first`;
    if (used < seen || used > seen + blind) problems.push(`rules: the emulator used ${used} rule faults, the clients saw ${seen} (and ${blind} attempts on that path timed out first)`);
    expect(report(problems)).toEqual([]);

    // The run exercised what it is meant to (a small SOAK_OPS may not).
    if (!budget.stopped && config.ops >= 2000) {
      const classes = new Set(calls.map((c) => (c.ok ? 'ok' : errorName(c.error))));
      const wanted = ['ok', 'RateLimitError', 'InternalServerError', 'APIConnectionTimeoutError', 'APIConnectionError', 'StreamError'];
      expect(wanted.filter((c) => !classes.has(c)), 'error classes never seen').toEqual([]);
      const kinds = Object.keys(summary.faults).map((k) => k.split(' ')[0]);
      expect(['rate-limit', 'server-error', 'slow', 'timeout', 'drop', 'cut-stream'].filter((k) => !kinds.includes(k)), 'fault kinds never injected').toEqual([]);
      for (const transport of ['node', 'fetch']) expect(summary.byTransport[transport] ?? 0).toBeGreaterThan(config.ops * 0.4);
    }
  });

  it('the write log shows nothing done twice and every success done once; counters, rows, jobs, wallets and files agree with what the clients saw', async () => {
    expect(calls.length).toBeGreaterThan(0);
    // A request whose client timed out keeps running on the server: wait until the write log shows
    // each such write done (asking the emulator, not guessing from the clock).
    const stillOpen = await settleWrites(control, calls);
    extra['x:writes never logged after their answer was lost'] = stillOpen.length;
    const result = await verify(control, projects, calls, world, { aerostackURL: emulator!.aerostackURL, smarterURL: emulator!.smarterURL });
    const writeCalls = (platform: string) => calls.filter((c) => c.write && c.platform === platform).length;
    extra['x:write log'] =
      `${result.writes} writes logged for ${writeCalls('aerostack')} Aerostack write calls (+ ${writeCalls('smarter')} Smarter writes, not logged); ` +
      `${result.replays} succeeded on an answer replayed from the idempotency record`;
    extra['x:unknown outcomes'] = `${result.unknown.calls} failed writes whose answer was lost (the client cannot know), of which ${result.unknown.ran} had run, ${result.unknown.calls - result.unknown.ran} had not`;
    Object.assign(extra, Object.fromEntries(Object.entries(result.figures).map(([k, v]) => [`x:${k}`, v])));
    lastCallAt = Date.now();
    expect(report([...world.problems, ...result.problems])).toEqual([]);
  });

  it('leaves nothing open: keep-alive sockets close within their idle timeout, no timer is left, the emulator stops cleanly', async () => {
    const mine = () => tracker.to(ports).filter((r) => r.owner !== 'control');
    const open = (owner: string) => mine().filter((r) => r.owner === owner && r.closed === undefined).length;
    const created = (owner: string) => mine().filter((r) => r.owner === owner).length;
    // Both transports were used, each with its own pool (node:http agents, undici).
    expect(created('node')).toBeGreaterThan(0);
    expect(created('fetch')).toBeGreaterThan(0);
    const idleAtEnd = { node: open('node'), fetch: open('fetch') };
    const since = lastCallAt ?? Date.now();
    // Idle sockets may live out their idle timeout (4 s; undici's timers are coarse), then must be gone.
    const allClosed = await waitFor(() => mine().every((r) => r.closed !== undefined), since + KEEP_ALIVE_IDLE_MS + LEAK_GUARD_MS - Date.now());
    const lastClose = (owner: string) => Math.max(since, ...mine().filter((r) => r.owner === owner && r.closed !== undefined).map((r) => r.closed as number)) - since;
    extra['x:sockets'] =
      `node: ${created('node')} opened, ${idleAtEnd.node} idle after the last call, the last closed ${lastClose('node')} ms after it; ` +
      `fetch: ${created('fetch')} opened, ${idleAtEnd.fetch} idle, the last closed ${lastClose('fetch')} ms after it; ${tracker.others(ports).length} other client sockets`;
    expect(allClosed, `sockets still open ${Date.now() - since} ms after the last call: node ${open('node')}, fetch ${open('fetch')}`).toBe(true);
    expect(tracker.others(ports).filter((r) => r.closed === undefined)).toEqual([]);
    // No timer or socket of ours holds the process: what is active now was active before the first call.
    // A socket of the last checks may still be closing: wait (a leak guard) until none is left over.
    const leftOver = () => Object.keys(grownSince(atStart)).some((type) => type === 'Timeout' || type === 'TCPSocketWrap');
    await waitFor(() => !leftOver(), LEAK_GUARD_MS);
    const grown = grownSince(atStart);
    extra['x:resources grown since the start'] = grown;
    expect(grown).not.toHaveProperty('Timeout');
    expect(grown).not.toHaveProperty('TCPSocketWrap');

    const s0 = Date.now();
    await emulator!.stop();
    emulator = undefined;
    const stopMs = Date.now() - s0;
    // Its child process, pipes and server go within moments of stop() resolving.
    const gone = await waitFor(() => Object.keys(grownSince(beforeEmulator)).length === 0, LEAK_GUARD_MS);
    extra['x:emulator stop'] = `${stopMs} ms; left behind: ${JSON.stringify(grownSince(beforeEmulator))}`;
    expect(gone, `left after stop(): ${JSON.stringify(grownSince(beforeEmulator))}`).toBe(true);
    tracker.stop();
    for (const port of ports) {
      const refused = await new Promise<string>((resolve) => {
        const socket = net.connect(port, '127.0.0.1');
        socket.once('connect', () => (socket.destroy(), resolve('connected')));
        socket.once('error', (e: NodeJS.ErrnoException) => resolve(e.code ?? e.message));
      });
      expect(refused).toBe('ECONNREFUSED');
    }
  });
});
