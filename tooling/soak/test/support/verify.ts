// The checks after the run, against the emulator's own records: the write log (nothing done twice,
// every success done exactly once) and the state the writes left (counters, rows, jobs, the gateway
// wallets and usage, Smarter files).
import { AerostackClient } from '@aerostack/core';
import * as cache from '@aerostack/cache';
import * as db from '@aerostack/database';
import * as gateway from '@aerostack/gateway';
import * as queue from '@aerostack/queue';
import { SmarterClient } from '@smarter/core';
import * as files from '@smarter/files';
import { describeCall, writeRan, type CallRecord } from './calls';
import type { Control, WriteRow } from './control';
import { GATEWAY_SLUG, type World } from './scenarios';

export interface Project {
  apiKey: string;
  consumerKey: string;
  smarterKey: string;
  /** Idempotency keys of the setup's own writes. */
  setupKeys: Set<string>;
}

export interface Verification {
  problems: string[];
  writes: number;
  /** Write calls whose outcome the client could not know, and how many of them had run. */
  unknown: { calls: number; ran: number };
  /** Writes that got their answer back from the idempotency record, not by running again. */
  replays: number;
  figures: Record<string, unknown>;
}

const keyOf = (call: CallRecord) => call.attempts[0]?.key;

export async function verify(control: Control, projects: Project[], calls: CallRecord[], world: World, urls: { aerostackURL: string; smarterURL: string }): Promise<Verification> {
  const problems: string[] = [];
  const fail = (why: string, call?: CallRecord) => problems.push(call ? `${why} — ${describeCall(call)}` : why);
  const logged = new Map<string, number>(); // idempotency key → writes
  const result: Verification = { problems, writes: 0, unknown: { calls: 0, ran: 0 }, replays: 0, figures: {} };

  for (const project of projects) {
    const rows: WriteRow[] = await control.writes(project.apiKey);
    result.writes += rows.length;
    const ours = new Set(calls.filter((c) => c.platform === 'aerostack' && c.write && c.project === project.apiKey).map(keyOf));
    for (const row of rows) {
      if (!row.idempotency_key) fail(`write log: a ${row.route} write with no idempotency key`);
      else {
        logged.set(row.idempotency_key, (logged.get(row.idempotency_key) ?? 0) + 1);
        if (!ours.has(row.idempotency_key) && !project.setupKeys.has(row.idempotency_key)) fail(`write log: ${row.route} with key ${row.idempotency_key}, made by no call of the soak`);
      }
    }
    for (const key of project.setupKeys) if (logged.get(key) !== 1) fail(`write log: setup write ${key} logged ${logged.get(key) ?? 0} times`);
  }
  const count = (call: CallRecord) => logged.get(keyOf(call) ?? '') ?? 0;

  // Every write call: at most one write with its key; exactly one if it succeeded (or its answer was
  // cut after the route ran); none if every attempt was refused before the route.
  for (const call of calls) {
    if (call.platform !== 'aerostack' || !call.write || !call.attempts.length) continue;
    const n = count(call);
    const ran = writeRan(call);
    if (n > 1) fail(`write log: ${n} writes with one idempotency key (done twice)`, call);
    else if (ran === 'yes' && n !== 1) fail(`write log: ${n} writes for a write that ran`, call);
    else if (ran === 'no' && n !== 0) fail(`write log: ${n} writes for a write refused on every attempt`, call);
    if (ran === 'maybe') {
      result.unknown.calls++;
      result.unknown.ran += n;
    }
    if (call.ok && call.attempts.some((a) => a.replayed)) result.replays++;
  }

  const checker = (project: Project) => new AerostackClient({ apiKey: project.apiKey, baseURL: urls.aerostackURL, transport: 'node', logLevel: 'off' });

  // Counters: the value is the sum of the increments logged, within the range the client worked out.
  const bound = { counters: world.counters.length, succeeded: 0, ranThenFailed: 0, unknown: 0, total: 0 };
  for (const counter of world.counters) {
    const project = projects.find((p) => p.apiKey === counter.apiKey) as Project;
    const read = await cache.get(checker(project), { key: counter.key });
    const value = read.exists ? Number(read.value) : 0;
    const sum = counter.calls.reduce((s, c) => s + count(c) * ((c as CallRecord & { amount?: number }).amount ?? 1), 0);
    const seen = counter.calls.filter((c) => c.ok).reduce((s, c) => s + ((c as CallRecord & { amount?: number }).amount ?? 1), 0);
    if (value !== sum) fail(`counter ${counter.key}: ${value}, but the write log holds increments worth ${sum}`);
    if (value < counter.lo || value > counter.hi) fail(`counter ${counter.key}: ${value}, outside ${counter.lo}..${counter.hi} (increments the client saw succeed: ${seen})`);
    for (const c of counter.calls) {
      const amount = (c as CallRecord & { amount?: number }).amount ?? 1;
      const ran = writeRan(c);
      if (c.ok) bound.succeeded += amount;
      else if (ran === 'yes') bound.ranThenFailed += amount;
      else if (ran === 'maybe') bound.unknown += amount;
    }
    bound.total += value;
  }
  // Over all counters: succeeded + cut after running <= total <= that + unknown.
  if (bound.total < bound.succeeded + bound.ranThenFailed || bound.total > bound.succeeded + bound.ranThenFailed + bound.unknown) fail(`counters: total ${bound.total} outside its bound ${JSON.stringify(bound)}`);
  result.figures.counters =
    `${bound.counters} counters, sum ${bound.total}: increments seen to succeed ${bound.succeeded}, failed after the route ran (answer cut, retries exhausted) ${bound.ranThenFailed}, ` +
    `unknown (timed out) ${bound.unknown}; bound ${bound.succeeded + bound.ranThenFailed}..${bound.succeeded + bound.ranThenFailed + bound.unknown}`;

  for (const project of projects) {
    const client = checker(project);
    const mine = <T extends { apiKey: string }>(list: T[]) => list.filter((x) => x.apiKey === project.apiKey);

    // Rows: each tag as many times as its insert was logged (0 or 1).
    const { results } = await db.query<{ tag: string; n: number }>(client, db.sql`SELECT tag, COUNT(*) AS n FROM soak_rows GROUP BY tag`);
    const rows = new Map(results.map((r) => [r.tag, r.n]));
    const tags = mine(world.dbTags);
    for (const { tag, call } of tags) if ((rows.get(tag) ?? 0) !== count(call)) fail(`db: tag ${tag} in ${rows.get(tag) ?? 0} rows, its insert logged ${count(call)} times`, call);
    const known = new Set(tags.map((t) => t.tag));
    for (const tag of rows.keys()) if (!known.has(tag)) fail(`db: a row with tag ${tag}, inserted by no call`);

    // Jobs: each tag as many times as its enqueue was logged; the id the client got is the one there.
    const jobs = await queue.listJobs(client, { type: 'soak', limit: 200 }).toArray({ limit: 1_000_000 });
    const byTag = new Map<string, string[]>();
    for (const job of jobs) {
      const tag = (job.data as { tag?: string } | null)?.tag ?? '?';
      byTag.set(tag, [...(byTag.get(tag) ?? []), job.id]);
    }
    const enqueued = mine(world.jobs);
    for (const { tag, call, jobId } of enqueued) {
      const ids = byTag.get(tag) ?? [];
      if (ids.length !== count(call)) fail(`queue: ${ids.length} jobs for ${tag}, its enqueue logged ${count(call)} times`, call);
      if (jobId && !ids.includes(jobId)) fail(`queue: job ${jobId} of ${tag} is not listed`, call);
    }
    if (jobs.length !== enqueued.reduce((s, j) => s + count(j.call), 0)) fail(`queue: ${jobs.length} jobs listed, ${enqueued.length} enqueue calls`);

    // The gateway wallet: charged exactly for the completions logged, and one usage request each.
    const chats = mine(world.gatewayChats);
    const tokens = chats.reduce((s, c) => s + count(c.call) * c.tokens, 0);
    const requests = chats.reduce((s, c) => s + count(c.call), 0);
    const { wallet } = await gateway.getWallet(client, { apiSlug: GATEWAY_SLUG }, { consumerKey: project.consumerKey });
    const usage = await gateway.getUsage(client, { apiSlug: GATEWAY_SLUG, days: 1 }, { consumerKey: project.consumerKey });
    if (wallet.total_consumed !== tokens) fail(`gateway: wallet consumed ${wallet.total_consumed}, the completions logged cost ${tokens}`);
    if (usage.total_requests !== requests || usage.total_tokens !== tokens) fail(`gateway: usage ${JSON.stringify(usage)}, expected ${requests} requests, ${tokens} tokens`);
    result.figures[`gateway ${project.apiKey}`] = { completions: requests, tokens, balance: wallet.balance };

    // Smarter files (no write log there): each name at most once; present if its create ran, absent if refused.
    const smarter = new SmarterClient({ apiKey: project.smarterKey, baseURL: urls.smarterURL, transport: 'node', generation: 'v0.14', logLevel: 'off' });
    const listed = await files.list(smarter, { limit: 100 }).toArray({ limit: 1_000_000 });
    const names = new Map<string, string[]>();
    for (const f of listed) names.set(f.filename, [...(names.get(f.filename) ?? []), f.id]);
    const created = world.smarterFiles.filter((f) => f.smarterKey === project.smarterKey);
    for (const { filename, call, id } of created) {
      const ids = names.get(filename) ?? [];
      const ran = writeRan(call);
      if (ids.length > 1) fail(`smarter files: ${filename} created ${ids.length} times`, call);
      else if (ran === 'yes' && ids.length !== 1) fail(`smarter files: ${filename} missing, its create ran`, call);
      else if (ran === 'no' && ids.length !== 0) fail(`smarter files: ${filename} present, its create was refused`, call);
      if (id && !ids.includes(id)) fail(`smarter files: ${filename} is not the file ${id} the client got`, call);
      if (ran === 'maybe') {
        result.unknown.calls++;
        result.unknown.ran += ids.length;
      }
    }
    const names2 = new Set(created.map((f) => f.filename));
    for (const name of names.keys()) if (name.startsWith('soak-') && !names2.has(name)) fail(`smarter files: ${name}, created by no call`);
  }
  return result;
}
