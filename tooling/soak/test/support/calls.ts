// One SDK call as the soak saw it: its planned faults, each attempt (from the lane's hooks and the
// core's retry log line), and its outcome; then the check of one call against the core's documented
// behaviour, and what the call did on the server as far as the client can know.
import {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIError,
  APIUserAbortError,
  SDKError,
  StreamError,
} from '@aerostack/core';
import { MAX_RETRIES, RETRY, RETRY_STATUSES, type CallTraits, type Fault } from './faults';

export type Transport = 'node' | 'fetch';

/** What an attempt came to. `ok`: a 2xx whose body was read (or, raw/stream, handed over); `cut`: a 2xx whose body broke. */
export type AttemptOutcome = 'ok' | 'status' | 'cut' | 'timeout' | 'conn' | 'abort' | 'untyped';

export interface AttemptRecord {
  n: number;
  /** The planned fault, sent in this attempt's `x-emulator-fault`. */
  fault: Fault | undefined;
  /** The Idempotency-Key the attempt carried. */
  key: string | undefined;
  start: number;
  status?: number;
  replayed?: boolean;
  /** When the attempt ended: the retry log line, or the call's end. */
  end?: number;
  /** The wait the core announced before the next attempt. */
  retryDelay?: number;
  message?: string;
  outcome?: AttemptOutcome;
  /** The error answer was the emulator's injected one ("Injected fault", "injected by the emulator"). */
  injected?: boolean;
  /** An unplanned fault from a control-route rule. */
  rule?: boolean;
  /**
   * A timeout where none was planned: the machine was slow, and the client's timer ran out before
   * the planned answer (a success, a status fault, a drop) came. Not a verdict on the call: what the
   * attempt did on the server is judged from the emulator's write log (verify.ts).
   */
  unplannedTimeout?: boolean;
  /**
   * A connection lost before any answer where no fault was planned to lose it (a busy machine: a
   * kept-alive socket the server had just closed, a reset). Judged like an unplanned timeout.
   */
  unplannedLoss?: boolean;
}

export type OpKind =
  | 'cache.set'
  | 'cache.get'
  | 'cache.delete'
  | 'cache.list'
  | 'cache.increment'
  | 'db.insert'
  | 'db.batch'
  | 'db.select'
  | 'storage.upload'
  | 'storage.get'
  | 'storage.delete'
  | 'queue.enqueue'
  | 'queue.getJob'
  | 'ai.chat'
  | 'ai.chatStream'
  | 'gateway.chat'
  | 'smarter.files.create'
  | 'smarter.files.list'
  | 'smarter.prompt';

export interface CallMeta {
  kind: OpKind;
  platform: 'aerostack' | 'smarter';
  /** A write in the emulator's write log (a POST other than its reads). */
  write: boolean;
  traits: CallTraits;
  plan: Fault[];
  /** Error statuses this call may get for real (e.g. 404 from a download of a deleted file). */
  allowStatuses?: number[];
}

export interface CallRecord extends CallMeta {
  id: number;
  scenario: number;
  lane: number;
  transport: Transport;
  /** The Aerostack API key (the project) of the lane. */
  project: string;
  timeout: number;
  attempts: AttemptRecord[];
  start: number;
  end: number;
  ok: boolean;
  error?: unknown;
  /** The headers came, then the body broke (a cut stream or download). */
  bodyCut?: boolean;
  hang?: boolean;
}

const INJECTED = /injected fault|injected by the emulator/i;

// A connection lost after the headers: the status was seen, or (the Node transport reads a small
// JSON answer whole before the call sees the response) the error says so, as fetch words it.
const CUT_BODY = /^Connection error: terminated$/;
const lost = (attempt: AttemptRecord, message: string): AttemptOutcome => (attempt.status !== undefined || CUT_BODY.test(message) ? 'cut' : 'conn');

/** The class an error is, by its kind (SDKError names itself after its class). */
export function errorName(error: unknown): string {
  if (error instanceof SDKError) return error.name;
  if (error instanceof Error) return `untyped ${error.constructor.name}`;
  return `untyped ${typeof error}`;
}

/** From the core's `retry i/n of METHOD url in N ms: <message>` line: the attempt that was just retried. */
export function noteRetry(attempt: AttemptRecord, delay: number, message: string, at: number): void {
  attempt.end = at;
  attempt.retryDelay = delay;
  attempt.message = message;
  attempt.injected = INJECTED.test(message);
  if (/^Request timed out/.test(message)) attempt.outcome = 'timeout';
  else if (/^Connection error/.test(message)) attempt.outcome = lost(attempt, message);
  else if (/^\d{3}\b/.test(message)) attempt.outcome = 'status';
  else attempt.outcome = 'untyped';
}

/** The last attempt, from how the call ended. */
export function noteEnd(call: CallRecord, at: number): void {
  const last = call.attempts.at(-1);
  if (!last) return;
  last.end = at;
  if (call.ok) {
    last.outcome = 'ok';
    return;
  }
  const { error } = call;
  last.message = error instanceof Error ? error.message : String(error);
  last.injected = INJECTED.test(last.message);
  const answered = last.status !== undefined && last.status >= 200 && last.status < 300;
  if (error instanceof APIUserAbortError) last.outcome = 'abort';
  else if (error instanceof APIConnectionTimeoutError) last.outcome = 'timeout';
  else if (error instanceof StreamError && answered) {
    last.outcome = 'ok';
    call.bodyCut = true;
  } else if (error instanceof APIConnectionError) last.outcome = lost(last, last.message);
  else if (error instanceof APIError) last.outcome = 'status';
  else if (answered && call.traits.mode !== 'json') {
    // The headers were in; reading the body failed (a download's body read outside the core).
    last.outcome = 'ok';
    call.bodyCut = true;
  } else last.outcome = 'untyped';
}

const RETRIED: ReadonlySet<AttemptOutcome> = new Set(['timeout', 'conn', 'cut']);
const retriable = (a: AttemptRecord): boolean => RETRIED.has(a.outcome as AttemptOutcome) || (a.outcome === 'status' && RETRY_STATUSES.has(a.status ?? 0));

/** The error class the core documents for how the last attempt ended. */
function expectedClass(call: CallRecord, last: AttemptRecord): string | undefined {
  switch (last.outcome) {
    case 'status': {
      const s = last.status ?? 0;
      return s === 429 ? 'RateLimitError' : s >= 500 ? 'InternalServerError' : s === 404 ? 'NotFoundError' : s === 409 ? 'ConflictError' : s === 400 ? 'BadRequestError' : 'APIError';
    }
    case 'timeout':
      return 'APIConnectionTimeoutError';
    case 'cut':
    case 'conn':
      return 'APIConnectionError';
    case 'ok':
      // A cut stream is a StreamError; a cut download should be a connection error (an SDKError at least).
      return call.bodyCut ? (call.traits.mode === 'stream' ? 'StreamError' : 'APIConnectionError') : undefined;
    default:
      return undefined;
  }
}

function describeFault(f: Fault | undefined): string {
  if (!f) return 'none';
  return f.kind + (f.status ? ` ${f.status}` : '') + (f.retryAfterMs !== undefined ? ` retry-after-ms=${f.retryAfterMs}` : '') + (f.latencyMs ? ` latency=${f.latencyMs}` : '');
}

export function describeCall(call: CallRecord): string {
  const attempts = call.attempts
    .map((a) => `#${a.n}[plan ${describeFault(a.fault)} → ${a.outcome ?? '?'}${a.status ? ` ${a.status}` : ''}${a.injected ? ' injected' : ''}${a.rule ? ' rule' : ''}${a.unplannedTimeout ? ' unplanned-timeout' : ''}${a.unplannedLoss ? ' unplanned-loss' : ''}${a.replayed ? ' replayed' : ''}${a.retryDelay !== undefined ? ` wait ${a.retryDelay}` : ''}${a.message && a.outcome !== 'ok' ? ` "${a.message.slice(0, 90)}"` : ''}]`)
    .join(' ');
  return `call ${call.id} (${call.kind}, ${call.transport}, lane ${call.lane}, scenario ${call.scenario}) ${call.ok ? 'ok' : errorName(call.error)}${call.bodyCut ? ' (body cut)' : ''}: ${attempts}`;
}

export interface CheckContext {
  /** Kinds on the path the control-route rules target: an unplanned injected fault there is a rule's. */
  ruleTarget: (call: CallRecord) => boolean;
}

/**
 * A call against the core's documented behaviour. Each attempt must show the planned fault (or, with
 * none planned: a success, a status the call allows, a timeout that took the whole timeout, or a
 * rule's fault on the rule path); every attempt but the last must be one the policy retries, and the
 * last one not (or the retries exhausted); the announced waits must be the server's Retry-After or the
 * backoff, and be waited; and the call must end in the class the last attempt calls for, an SDKError,
 * never an untyped error, never a hang. Returns the violations, and marks rule and unplanned-timeout attempts.
 */
export function checkCall(call: CallRecord, ctx: CheckContext): string[] {
  const problems: string[] = [];
  const fail = (why: string) => problems.push(`${why} — ${describeCall(call)}`);
  const { attempts, traits } = call;
  if (call.hang) fail('hang: the call did not end within its deadline');
  if (!call.ok && !(call.error instanceof SDKError)) fail(`untyped error: ${errorName(call.error)}: ${String((call.error as Error | undefined)?.message ?? call.error)}`);
  if (!attempts.length) {
    fail('nothing was sent');
    return problems;
  }

  // Idempotency keys: one per Aerostack write, the same on every attempt; none on reads and on Smarter.
  const keys = new Set(attempts.map((a) => a.key));
  if (call.platform === 'aerostack' && call.write) {
    if (keys.size !== 1 || !attempts[0]?.key) fail(`Idempotency-Key: expected one key on every attempt, saw ${JSON.stringify([...keys])}`);
  } else if (attempts.some((a) => a.key)) fail('an Idempotency-Key on a call that should carry none');

  const lastIndex = attempts.length - 1;
  attempts.forEach((a, i) => {
    const planned = call.plan[i];
    const isLast = i === lastIndex;
    const o = a.outcome;
    // A timeout that took the call's whole timeout is the client's timer, whatever was planned: on a
    // loaded machine it can run out before the planned answer arrives. It is then judged as a timeout
    // (retried, its error class), and what it did on the server by the write log, never by how long
    // it took. (The timer starts after beforeRequest, where `start` is taken, so it cannot end sooner;
    // 25 ms of slack for the two clocks.)
    if (o === 'timeout' && planned?.kind !== 'timeout' && (a.end ?? 0) - a.start >= call.timeout - 25) {
      a.unplannedTimeout = true;
      return;
    }
    // Likewise a connection lost before any answer came (no status): the planned answer never reached
    // the client. Its error class and retry are still checked; what it did on the server, by the write log.
    if (o === 'conn' && a.status === undefined && planned?.kind !== 'drop') {
      a.unplannedLoss = true;
      return;
    }
    switch (planned?.kind) {
      case 'rate-limit':
      case 'server-error':
        if (!(o === 'status' && a.status === planned.status && a.injected)) fail(`attempt ${i}: planned ${describeFault(planned)}, saw ${o} ${a.status ?? ''}`);
        break;
      case 'timeout':
        if (o !== 'timeout') fail(`attempt ${i}: planned a timeout, saw ${o} ${a.status ?? ''}`);
        break;
      case 'drop':
        // The route ran and the connection was cut: after the headers ('cut'), or, when the machine is
        // slow to read them, before ('conn'; the write log says the route ran).
        if (traits.mode === 'json' ? !(o === 'cut' || (o === 'conn' && a.status === undefined)) : !(o === 'ok' && isLast && call.bodyCut)) fail(`attempt ${i}: planned a drop, saw ${o}${call.bodyCut ? ' (body cut)' : ''}`);
        break;
      default:
        // slow, or nothing planned.
        if (o === 'ok') break;
        if (o === 'status' && !a.injected && (call.allowStatuses ?? []).includes(a.status ?? 0)) break;
        if (!planned && ctx.ruleTarget(call) && ((o === 'status' && a.injected) || o === 'cut')) {
          a.rule = true;
          break;
        }
        fail(`attempt ${i}: planned ${describeFault(planned)}, saw ${o} ${a.status ?? ''}${a.injected ? ' (injected)' : ''}`);
    }
    if (o === 'ok' && !isLast) fail(`attempt ${i} succeeded but was retried`);
  });

  // The retry policy: every attempt before the last was retriable; the last was not, or was the last allowed.
  attempts.forEach((a, i) => {
    if (i === lastIndex) return;
    if (!traits.retryable) fail(`attempt ${i} retried, but the call may not be retried`);
    if (!retriable(a)) fail(`attempt ${i} (${a.outcome} ${a.status ?? ''}) retried, but the policy does not retry it`);
    const next = attempts[i + 1] as AttemptRecord;
    const wait = a.retryDelay;
    if (wait === undefined) fail(`attempt ${i}: retried with no retry announced`);
    else {
      // The server's wait counts only if its answer came (not after a timeout that beat it).
      const serverWait = a.outcome === 'status' ? a.fault?.retryAfterMs : undefined;
      if (serverWait !== undefined) {
        if (wait !== serverWait) fail(`attempt ${i}: Retry-After ${serverWait} ms, the core waited ${wait} ms`);
      } else if (!a.rule) {
        const base = Math.min(RETRY.initialDelay * 2 ** i, RETRY.maxDelay);
        if (wait < Math.floor(base * 0.75) - 1 || wait > base + 1) fail(`attempt ${i}: backoff ${wait} ms outside ${base * 0.75}–${base} ms`);
      }
      if (next.start - (a.end ?? next.start) < wait - 2) fail(`attempt ${i}: announced a ${wait} ms wait, the next attempt came after ${next.start - (a.end ?? 0)} ms`);
    }
  });
  if (attempts.length > MAX_RETRIES + 1) fail(`${attempts.length} attempts, more than 1 + maxRetries`);
  const last = attempts[lastIndex] as AttemptRecord;
  if (!call.ok && !call.hang && traits.retryable && retriable(last) && attempts.length < MAX_RETRIES + 1) fail('gave up on a retriable failure before the retries ran out');

  if (call.ok) {
    if (last.outcome !== 'ok') fail(`succeeded, but its last attempt was ${last.outcome}`);
  } else if (!call.hang) {
    const expected = expectedClass(call, last);
    const actual = errorName(call.error);
    if (expected === undefined) fail(`failed (${actual}) after an attempt that ended ${last.outcome}`);
    else if (actual !== expected) fail(`expected ${expected}, got ${actual}`);
  }
  return problems;
}

/** Whether the call's write ran on the server, as far as the client can know. */
export function writeRan(call: CallRecord): 'yes' | 'no' | 'maybe' {
  if (call.ok) return 'yes';
  // A 2xx was sent (a cut answer: the route ran first) on some attempt.
  if (call.attempts.some((a) => a.outcome === 'cut' || a.outcome === 'ok')) return 'yes';
  // No answer: the request may have reached the route (a timed-out request keeps running on the server).
  if (call.attempts.some((a) => a.outcome === 'timeout' || a.outcome === 'conn' || a.outcome === 'abort' || a.outcome === 'untyped')) return 'maybe';
  // Every attempt was answered with an error status: faults answer before the route, and failed writes are not logged.
  return 'no';
}
