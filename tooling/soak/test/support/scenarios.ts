// Scenarios: short chains of calls on one lane (set, read back, delete, read again; increments of
// one counter; inserts then a count; ...), drawn up front from the seed with every attempt's fault.
// Executing one keeps a model of what may be on the server (a set of possible values per key, a range
// per counter) and checks every answer against it; a call whose outcome the client cannot know (its
// answer was lost and the retries ran out) widens the model instead of failing the check.
import * as cache from '@aerostack/cache';
import * as db from '@aerostack/database';
import * as gateway from '@aerostack/gateway';
import * as queue from '@aerostack/queue';
import * as storage from '@aerostack/storage';
import * as ai from '@aerostack/ai';
import { Chatbot, type ChatbotManifest } from '@smarter/chatbots';
import * as files from '@smarter/files';
import { describeCall, writeRan, type CallMeta, type CallRecord, type OpKind } from './calls';
import { planFaults, type CallTraits, type Fault } from './faults';
import type { Lane } from './lane';
import type { Rng } from './prng';
import { Control } from './control';
import { settleWrites, unsettled } from './settle';

export const ABSENT = Symbol('absent');
type Possible = Set<string | typeof ABSENT>;

export type Template = 'cache' | 'counter' | 'db' | 'storage' | 'queue' | 'ai' | 'gateway' | 'smarterFiles' | 'smarterChat';

const TEMPLATE_WEIGHTS: Record<Template, number> = { cache: 20, counter: 12, db: 13, storage: 12, queue: 11, ai: 12, gateway: 7, smarterFiles: 6, smarterChat: 7 };

export type Step =
  | { op: 'cache.set'; key: string; value: string | number }
  | { op: 'cache.get'; key: string }
  | { op: 'cache.delete'; key: string }
  | { op: 'cache.list'; prefix: string }
  | { op: 'cache.increment'; key: string; amount: number }
  | { op: 'db.insert'; tag: string }
  | { op: 'db.batch'; tags: string[] }
  | { op: 'db.select' }
  | { op: 'storage.upload'; key: string; content: string; as: 'text' | 'bytes' | 'blob' }
  | { op: 'storage.get'; key: string }
  | { op: 'storage.delete'; key: string }
  | { op: 'queue.enqueue'; tag: string }
  | { op: 'queue.getJob'; tag: string }
  | { op: 'ai.chat'; text: string }
  | { op: 'ai.chatStream'; text: string }
  | { op: 'gateway.chat'; text: string }
  | { op: 'smarter.files.create'; filename: string; content: string }
  | { op: 'smarter.files.list' }
  | { op: 'smarter.prompt'; text: string };

export interface PlannedStep {
  step: Step;
  plan: Fault[];
}

export interface Scenario {
  id: number;
  /** Even: a node lane runs it (first project and account); odd: a fetch lane (the second ones). */
  lane: number;
  template: Template;
  steps: PlannedStep[];
}

/** What each operation is, for the core: written or read, retried or not, how its answer is read. */
export const OPS: Record<OpKind, { platform: 'aerostack' | 'smarter'; write: boolean; traits: CallTraits; allowStatuses?: number[] }> = {
  'cache.set': { platform: 'aerostack', write: true, traits: { retryable: true, mode: 'json' } },
  'cache.get': { platform: 'aerostack', write: false, traits: { retryable: true, mode: 'json' } },
  'cache.delete': { platform: 'aerostack', write: true, traits: { retryable: true, mode: 'json' } },
  'cache.list': { platform: 'aerostack', write: false, traits: { retryable: true, mode: 'json' } },
  'cache.increment': { platform: 'aerostack', write: true, traits: { retryable: true, mode: 'json' } },
  'db.insert': { platform: 'aerostack', write: true, traits: { retryable: true, mode: 'json' } },
  'db.batch': { platform: 'aerostack', write: true, traits: { retryable: true, mode: 'json' } },
  'db.select': { platform: 'aerostack', write: true, traits: { retryable: true, mode: 'json' } },
  'storage.upload': { platform: 'aerostack', write: true, traits: { retryable: true, mode: 'json' } },
  'storage.get': { platform: 'aerostack', write: false, traits: { retryable: true, mode: 'raw' }, allowStatuses: [404] },
  'storage.delete': { platform: 'aerostack', write: true, traits: { retryable: true, mode: 'json' } },
  'queue.enqueue': { platform: 'aerostack', write: true, traits: { retryable: true, mode: 'json' } },
  'queue.getJob': { platform: 'aerostack', write: false, traits: { retryable: true, mode: 'json' } },
  'ai.chat': { platform: 'aerostack', write: true, traits: { retryable: true, mode: 'json' } },
  'ai.chatStream': { platform: 'aerostack', write: true, traits: { retryable: true, mode: 'stream' } },
  'gateway.chat': { platform: 'aerostack', write: true, traits: { retryable: true, mode: 'json' } },
  // Smarter honours no idempotency keys: its writes are sent once; its GETs are retried.
  'smarter.files.create': { platform: 'smarter', write: true, traits: { retryable: false, mode: 'json' } },
  'smarter.files.list': { platform: 'smarter', write: false, traits: { retryable: true, mode: 'json' } },
  'smarter.prompt': { platform: 'smarter', write: true, traits: { retryable: false, mode: 'json' } },
};

const WORDS = ['alpha', 'bravo', 'cedar', 'delta', 'ember', 'fjord', 'grove', 'harbor', 'iris', 'juniper', 'kestrel', 'lumen', 'meadow', 'nectar', 'orbit', 'pebble'];
const words = (rng: Rng, lo: number, hi: number) => Array.from({ length: rng.int(lo, hi) }, () => rng.pick(WORDS)).join(' ');

/** Draws scenarios until they hold `ops` calls (the last one cut to fit), dealt to the lanes in turn. */
export function generateScenarios(rng: Rng, ops: number, lanes: number): Scenario[] {
  const scenarios: Scenario[] = [];
  let total = 0;
  for (let id = 0; total < ops; id++) {
    const template = rng.weighted(TEMPLATE_WEIGHTS);
    const steps = draft(rng, template, id).slice(0, ops - total);
    total += steps.length;
    scenarios.push({
      id,
      lane: id % lanes,
      template,
      steps: steps.map((step) => ({ step, plan: planFaults(rng, OPS[step.op].traits) })),
    });
  }
  return scenarios;
}

function draft(rng: Rng, template: Template, id: number): Step[] {
  const p = `soak/${id}`;
  switch (template) {
    case 'cache': {
      const keys = [`${p}/a`, `${p}/b`];
      const value = (n: number) => (rng.chance(0.3) ? rng.int(1, 1e6) : `v${id}.${n}.${words(rng, 1, 3)}`);
      const steps: Step[] = [{ op: 'cache.set', key: keys[0] as string, value: value(0) }];
      for (let n = 1, count = rng.int(2, 6); n <= count; n++) {
        const key = rng.pick(keys);
        const op = rng.weighted({ get: 45, set: 25, delete: 18, list: 12 });
        steps.push(op === 'get' ? { op: 'cache.get', key } : op === 'set' ? { op: 'cache.set', key, value: value(n) } : op === 'delete' ? { op: 'cache.delete', key } : { op: 'cache.list', prefix: `${p}/` });
      }
      return steps;
    }
    case 'counter': {
      const key = `${p}/counter`;
      const steps: Step[] = Array.from({ length: rng.int(2, 5) }, () => ({ op: 'cache.increment', key, amount: rng.chance(0.7) ? 1 : rng.int(2, 5) }));
      if (rng.chance(0.6)) steps.push({ op: 'cache.get', key });
      return steps;
    }
    case 'db': {
      const steps: Step[] = [];
      for (let n = 0, count = rng.int(1, 3); n < count; n++) {
        steps.push(rng.chance(0.5) ? { op: 'db.insert', tag: `${id}.${n}` } : { op: 'db.batch', tags: Array.from({ length: rng.int(2, 4) }, (_, j) => `${id}.${n}.${j}`) });
      }
      if (rng.chance(0.6)) steps.push({ op: 'db.select' });
      return steps;
    }
    case 'storage': {
      const key = `${p}/file-${rng.int(0, 999)}.txt`;
      const content = `${id}: ${words(rng, 5, 40)}\n`.repeat(rng.int(1, 60));
      const steps: Step[] = [{ op: 'storage.upload', key, content, as: rng.pick(['text', 'bytes', 'blob'] as const) }, { op: 'storage.get', key }];
      if (rng.chance(0.6)) steps.push({ op: 'storage.delete', key }, { op: 'storage.get', key });
      return steps;
    }
    case 'queue': {
      const steps: Step[] = [];
      for (let n = 0, count = rng.int(1, 2); n < count; n++) steps.push({ op: 'queue.enqueue', tag: `${id}.${n}` }, { op: 'queue.getJob', tag: `${id}.${n}` });
      return steps;
    }
    case 'ai':
      return Array.from({ length: rng.int(1, 2) }, () => ({ op: rng.chance(0.5) ? 'ai.chat' : 'ai.chatStream', text: words(rng, 2, 6) }));
    case 'gateway':
      return Array.from({ length: rng.int(1, 2) }, () => ({ op: 'gateway.chat', text: words(rng, 2, 6) }));
    case 'smarterFiles':
      return [{ op: 'smarter.files.create', filename: `soak-${id}.jsonl`, content: `{"scenario":${id},"text":"${words(rng, 3, 12)}"}\n` }, { op: 'smarter.files.list' }];
    case 'smarterChat':
      return Array.from({ length: rng.int(1, 3) }, () => ({ op: 'smarter.prompt', text: words(rng, 2, 6) }));
  }
}

// --- What the final checks need to know, per project ----------------------------------------------

export interface Counter {
  apiKey: string;
  key: string;
  lo: number;
  hi: number;
  calls: CallRecord[];
}

export interface World {
  counters: Counter[];
  /** Every row an insert or batch call wrote: tag → the call. */
  dbTags: { apiKey: string; tag: string; call: CallRecord }[];
  jobs: { apiKey: string; tag: string; call: CallRecord; jobId?: string }[];
  gatewayChats: { apiKey: string; call: CallRecord; tokens: number }[];
  smarterFiles: { smarterKey: string; filename: string; call: CallRecord; id?: string }[];
  /** Answers that disagree with the model. */
  problems: string[];
}

export const newWorld = (): World => ({ counters: [], dbTags: [], jobs: [], gatewayChats: [], smarterFiles: [], problems: [] });

export const GATEWAY_SLUG = 'soak';
/** The deterministic responder's answer, and its token count (words of the prompt + words of the answer). */
export const answerTo = (text: string) => `You said: ${text}`;
export const tokensOf = (text: string) => text.split(/\s+/).filter(Boolean).length * 2 + 2;

export interface Setup {
  chatbot: Record<string, ChatbotManifest>;
}

const bytesOf = (content: string) => new TextEncoder().encode(content);

/**
 * A write whose answer never came may still be running on the server. Before the next call of the
 * chain, wait until the emulator's write log shows it done (settle.ts), so the model's "maybe" is
 * settled either way.
 */
async function settle(lane: Lane, call: CallRecord): Promise<void> {
  // Only the chains that read back what they wrote; the rest is checked after the run (verify.ts).
  if (!call.write || !/^(cache|storage)\./.test(call.kind)) return;
  if (unsettled([call]).length) await settleWrites(new Control(lane.target.aerostackURL), [call]);
}

/** Runs one scenario on its lane, checking each answer against the model. */
export async function runScenario(lane: Lane, scenario: Scenario, world: World, setup: Setup): Promise<void> {
  const { apiKey, consumerKey, smarterKey } = lane.target;
  const possible = new Map<string, Possible>();
  const model = (key: string): Possible => possible.get(key) ?? new Set([ABSENT]);
  const counters = new Map<string, Counter>();
  const rows = new Map<string, CallRecord>();
  const jobIds = new Map<string, string | undefined>();
  let bot: Chatbot | undefined;
  const problem = (call: CallRecord, why: string) => world.problems.push(`${why} — ${describeCall(call)}`);
  /** After a write: its value if it ran, the old ones too if it may not have. */
  const update = (call: CallRecord, key: string, value: string | typeof ABSENT) => {
    const ran = writeRan(call);
    if (ran === 'yes') possible.set(key, new Set([value]));
    else if (ran === 'maybe') possible.set(key, new Set([...model(key), value]));
  };

  for (const { step, plan } of scenario.steps) {
    const meta: CallMeta = { kind: step.op, ...OPS[step.op], plan };
    let call: CallRecord;
    switch (step.op) {
      case 'cache.set': {
        const r = await lane.run(scenario.id, meta, (o) => cache.set(lane.aerostack, { key: step.key, value: step.value }, o));
        call = r.call;
        update(call, step.key, String(step.value));
        break;
      }
      case 'cache.delete': {
        const r = await lane.run(scenario.id, meta, (o) => cache.remove(lane.aerostack, { key: step.key }, o));
        call = r.call;
        update(call, step.key, ABSENT);
        break;
      }
      case 'cache.get': {
        const r = await lane.run(scenario.id, meta, (o) => cache.get(lane.aerostack, { key: step.key }, o));
        call = r.call;
        if (r.ok) {
          const counter = counters.get(step.key);
          if (counter) {
            const value = Number(r.value.value);
            if (!r.value.exists || !(value >= counter.lo && value <= counter.hi)) problem(call, `counter ${step.key}: read ${JSON.stringify(r.value)}, expected ${counter.lo}..${counter.hi}`);
            else counter.lo = counter.hi = value;
          } else {
            const seen = r.value.exists ? String(r.value.value) : ABSENT;
            const may = model(step.key);
            if (!may.has(seen)) problem(call, `cache ${step.key}: read ${seen === ABSENT ? 'nothing' : JSON.stringify(seen)}, expected one of ${[...may].map((v) => (v === ABSENT ? 'nothing' : JSON.stringify(v))).join(', ')}`);
            possible.set(step.key, new Set([seen]));
          }
        }
        break;
      }
      case 'cache.list': {
        const r = await lane.run(scenario.id, meta, (o) => cache.list(lane.aerostack, { prefix: step.prefix, limit: 100 }, o));
        call = r.call;
        if (r.ok) {
          const listed = new Set(r.value.items.map((k) => k.key));
          for (const [key, may] of possible) {
            if (!may.has(ABSENT) && !listed.has(key)) problem(call, `cache list: ${key} is set but not listed`);
            if (may.size === 1 && may.has(ABSENT) && listed.has(key)) problem(call, `cache list: ${key} is deleted but listed`);
          }
          for (const key of listed) if (!possible.has(key)) problem(call, `cache list: ${key} was never set`);
        }
        break;
      }
      case 'cache.increment': {
        let counter = counters.get(step.key);
        if (!counter) {
          counter = { apiKey, key: step.key, lo: 0, hi: 0, calls: [] };
          counters.set(step.key, counter);
          world.counters.push(counter);
        }
        const r = await lane.run(scenario.id, meta, (o) => cache.increment(lane.aerostack, { key: step.key, amount: step.amount }, o));
        call = r.call;
        counter.calls.push(call);
        (call as CallRecord & { amount?: number }).amount = step.amount;
        if (r.ok) {
          // The value the server reports: exactly one more step than before, never two.
          const { value } = r.value;
          if (!(value >= counter.lo + step.amount && value <= counter.hi + step.amount)) problem(call, `counter ${step.key}: +${step.amount} gave ${value}, expected ${counter.lo + step.amount}..${counter.hi + step.amount}`);
          counter.lo = counter.hi = value;
        } else {
          const ran = writeRan(call);
          if (ran === 'yes') {
            counter.lo += step.amount;
            counter.hi += step.amount;
          }
          else if (ran === 'maybe') counter.hi += step.amount;
        }
        break;
      }
      case 'db.insert': {
        const r = await lane.run(scenario.id, meta, (o) => db.query(lane.aerostack, db.sql`INSERT INTO soak_rows (tag, scenario) VALUES (${step.tag}, ${scenario.id})`, o));
        call = r.call;
        rows.set(step.tag, call);
        world.dbTags.push({ apiKey, tag: step.tag, call });
        break;
      }
      case 'db.batch': {
        const r = await lane.run(scenario.id, meta, (o) =>
          db.batch(lane.aerostack, { queries: step.tags.map((tag) => db.sql`INSERT INTO soak_rows (tag, scenario) VALUES (${tag}, ${scenario.id})`) }, { ...o, throwOnError: true }),
        );
        call = r.call;
        for (const tag of step.tags) {
          rows.set(tag, call);
          world.dbTags.push({ apiKey, tag, call });
        }
        break;
      }
      case 'db.select': {
        const r = await lane.run(scenario.id, meta, (o) => db.query<{ tag: string }>(lane.aerostack, db.sql`SELECT tag FROM soak_rows WHERE scenario = ${scenario.id}`, o));
        call = r.call;
        if (r.ok) {
          const counts = new Map<string, number>();
          for (const { tag } of r.value.results) counts.set(tag, (counts.get(tag) ?? 0) + 1);
          for (const [tag, insert] of rows) {
            const n = counts.get(tag) ?? 0;
            const ran = writeRan(insert);
            if (n > 1 || (ran === 'yes' && n !== 1) || (ran === 'no' && n !== 0)) problem(call, `db: tag ${tag} found ${n} times, its insert ran: ${ran} (${describeCall(insert)})`);
          }
          for (const tag of counts.keys()) if (!rows.has(tag)) problem(call, `db: tag ${tag} was never inserted`);
        }
        break;
      }
      case 'storage.upload': {
        const file = step.as === 'text' ? step.content : step.as === 'bytes' ? bytesOf(step.content) : new Blob([step.content], { type: 'text/plain' });
        const r = await lane.run(scenario.id, meta, (o) => storage.upload(lane.aerostack, { key: step.key, file }, o));
        call = r.call;
        if (r.ok && !r.value.url.includes(step.key.split('/').map(encodeURIComponent).join('/'))) problem(call, `storage: upload answered ${r.value.url}`);
        update(call, step.key, step.content);
        break;
      }
      case 'storage.delete': {
        const r = await lane.run(scenario.id, meta, (o) => storage.remove(lane.aerostack, { key: step.key }, o));
        call = r.call;
        update(call, step.key, ABSENT);
        break;
      }
      case 'storage.get': {
        const r = await lane.run(scenario.id, meta, async (o) => {
          const file = await storage.get(lane.aerostack, { key: step.key }, o);
          return file.text();
        });
        call = r.call;
        const may = model(step.key);
        const missing = !r.ok && (r.error as { status?: number } | undefined)?.status === 404;
        if (r.ok || missing) {
          const seen = r.ok ? r.value : ABSENT;
          if (!may.has(seen)) problem(call, `storage ${step.key}: read ${seen === ABSENT ? 'a 404' : `${seen.length} bytes`}, expected ${[...may].map((v) => (v === ABSENT ? 'a 404' : `${v.length} bytes`)).join(' or ')}`);
          possible.set(step.key, new Set([seen]));
        }
        break;
      }
      case 'queue.enqueue': {
        const r = await lane.run(scenario.id, meta, (o) => queue.enqueue(lane.aerostack, { type: 'soak', data: { tag: step.tag, scenario: scenario.id } }, o));
        call = r.call;
        jobIds.set(step.tag, r.ok ? r.value.jobId : undefined);
        world.jobs.push({ apiKey, tag: step.tag, call, ...(r.ok && { jobId: r.value.jobId }) });
        if (r.ok && !(r.value.success && r.value.jobId)) problem(call, `queue: enqueue answered ${JSON.stringify(r.value)}`);
        break;
      }
      case 'queue.getJob': {
        const jobId = jobIds.get(step.tag);
        // The enqueue failed: there is no id to ask about (a job it may have made is checked at the end).
        const r = await lane.run(scenario.id, meta, (o) => queue.getJob(lane.aerostack, { jobId: jobId ?? `missing-${scenario.id}-${step.tag}` }, o));
        call = r.call;
        if (r.ok) {
          const { job, exists } = r.value;
          if (jobId === undefined ? exists : !exists || job?.type !== 'soak' || (job.data as { tag?: string } | null)?.tag !== step.tag) {
            problem(call, `queue: job ${jobId ?? '(none)'} of ${step.tag} read as ${JSON.stringify(r.value)}`);
          }
        }
        break;
      }
      case 'ai.chat': {
        const r = await lane.run(scenario.id, meta, (o) => ai.chat(lane.aerostack, { messages: [{ role: 'user', content: step.text }] }, o));
        call = r.call;
        if (r.ok && r.value.choices?.[0]?.message.content !== answerTo(step.text)) problem(call, `ai chat answered ${JSON.stringify(r.value.choices?.[0]?.message.content)}`);
        break;
      }
      case 'ai.chatStream': {
        const r = await lane.run(scenario.id, meta, async (o) => {
          const stream = await ai.chatStream(lane.aerostack, { messages: [{ role: 'user', content: step.text }], includeUsage: true }, o);
          let text = '';
          for await (const chunk of stream) text += chunk.choices[0]?.delta.content ?? '';
          return text;
        });
        call = r.call;
        if (r.ok && r.value !== answerTo(step.text)) problem(call, `ai chat stream gave ${JSON.stringify(r.value)}`);
        break;
      }
      case 'gateway.chat': {
        const r = await lane.run(scenario.id, meta, (o) =>
          gateway.chatCompletions(lane.aerostack, { apiSlug: GATEWAY_SLUG, messages: [{ role: 'user', content: step.text }] }, { ...o, consumerKey }),
        );
        call = r.call;
        world.gatewayChats.push({ apiKey, call, tokens: tokensOf(step.text) });
        if (r.ok) {
          const { choices, usage } = r.value;
          if (choices?.[0]?.message.content !== answerTo(step.text)) problem(call, `gateway chat answered ${JSON.stringify(choices?.[0]?.message.content)}`);
          if (usage?.total_tokens !== tokensOf(step.text)) problem(call, `gateway chat: ${usage?.total_tokens} tokens, expected ${tokensOf(step.text)}`);
        }
        break;
      }
      case 'smarter.files.create': {
        const r = await lane.run(scenario.id, meta, (o) => files.create(lane.smarter, { file: [step.filename, step.content, 'application/jsonl'], purpose: 'fine-tune' }, o));
        call = r.call;
        world.smarterFiles.push({ smarterKey, filename: step.filename, call, ...(r.ok && { id: r.value.id }) });
        if (r.ok && (r.value.filename !== step.filename || r.value.bytes !== bytesOf(step.content).byteLength)) problem(call, `smarter files: created ${JSON.stringify(r.value)}`);
        break;
      }
      case 'smarter.files.list': {
        const r = await lane.run(scenario.id, meta, async (o) => (await files.list(lane.smarter, { limit: 20 }, o)).items);
        call = r.call;
        if (r.ok && !r.value.every((f) => typeof f.id === 'string' && typeof f.filename === 'string')) problem(call, `smarter files: listed ${JSON.stringify(r.value.slice(0, 2))}`);
        break;
      }
      case 'smarter.prompt': {
        bot ??= new Chatbot(lane.smarter, setup.chatbot[smarterKey] as ChatbotManifest);
        const chatbot = bot;
        const r = await lane.run(scenario.id, meta, (o) => chatbot.prompt(step.text, o));
        call = r.call;
        if (r.ok && r.value.reply !== answerTo(step.text)) problem(call, `smarter prompt answered ${JSON.stringify(r.value.reply)}`);
        break;
      }
    }
    await settle(lane, call);
  }
}
