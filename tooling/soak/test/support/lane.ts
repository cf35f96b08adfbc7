// A lane: one sequence of calls on one transport, with its own clients. Calls in a lane never
// overlap, so its hooks and its logger know which call an attempt belongs to: beforeRequest puts the
// planned fault of that attempt into `x-emulator-fault` and notes the attempt, afterResponse notes
// the status, and the core's `retry ...` warning says how the attempt ended and how long it waits.
import { AerostackClient, type Hooks, type Logger, type RequestContext, type RequestOptions } from '@aerostack/core';
import { SmarterClient } from '@smarter/core';
import { noteEnd, noteRetry, type CallMeta, type CallRecord, type Transport } from './calls';
import { MAX_RETRIES, RETRY, SHORT_TIMEOUT_MS } from './faults';

/** A lane's per-attempt timeout when no timeout fault is planned: long enough for a loaded machine. */
export const LANE_TIMEOUT_MS = 10_000;

export interface LaneTarget {
  aerostackURL: string;
  smarterURL: string;
  apiKey: string;
  consumerKey: string;
  smarterKey: string;
}

export type Outcome<T> = { ok: true; value: T; call: CallRecord } | { ok: false; error: unknown; call: CallRecord };

const noop = (): void => undefined;
const RETRY_LINE = /retry \d+\/\d+ of \S+ \S+ in (\d+) ms: ([\s\S]*)$/;

export class Lane {
  readonly aerostack: AerostackClient;
  readonly smarter: SmarterClient;
  current: CallRecord | undefined;
  /** Hook or log activity with no call in progress (a bug in the soak or a late callback). */
  readonly strays: string[] = [];

  constructor(
    readonly id: number,
    readonly transport: Transport,
    readonly target: LaneTarget,
    private readonly nextId: () => number,
    private readonly record: (call: CallRecord) => void,
  ) {
    const hooks: Hooks = {
      beforeRequest: (ctx) => this.#before(ctx),
      afterResponse: (response) => this.#after(response),
    };
    const logger: Logger = { error: (line: string) => this.#warn(line), warn: (line: string) => this.#warn(line), info: noop, debug: noop };
    const common = { transport, timeout: LANE_TIMEOUT_MS, maxRetries: MAX_RETRIES, retry: RETRY, hooks, logger, logLevel: 'warn' as const };
    this.aerostack = new AerostackClient({ ...common, apiKey: target.apiKey, baseURL: target.aerostackURL });
    this.smarter = new SmarterClient({ ...common, apiKey: target.smarterKey, baseURL: target.smarterURL, generation: 'v0.14' });
  }

  #before(ctx: RequestContext): void {
    const call = this.current;
    if (!call) return void this.strays.push(`request with no call: ${ctx.method} ${ctx.url}`);
    const fault = call.plan[ctx.attempt];
    if (fault) ctx.headers['x-emulator-fault'] = fault.header;
    call.attempts.push({ n: ctx.attempt, fault, key: ctx.headers['idempotency-key'], start: Date.now() });
  }

  #after(response: Response): void {
    const attempt = this.current?.attempts.at(-1);
    if (!attempt) return void this.strays.push(`response with no call: ${response.status} ${response.url}`);
    attempt.status = response.status;
    attempt.replayed = response.headers.get('idempotent-replayed') === 'true';
  }

  #warn(line: string): void {
    const attempt = this.current?.attempts.at(-1);
    const m = RETRY_LINE.exec(line);
    if (!attempt || !m) return void this.strays.push(`log line: ${line}`);
    noteRetry(attempt, Number(m[1]), m[2] ?? '', Date.now());
  }

  /**
   * Runs one call. `send` gets the per-call options (the timeout, and a signal that a watchdog fires
   * if the call outlives every timeout and wait it may take: a hang) and reads the answer whole
   * (a stream to its end, a download's bytes).
   */
  async run<T>(scenario: number, meta: CallMeta, send: (options: RequestOptions) => PromiseLike<T>): Promise<Outcome<T>> {
    const timeout = meta.plan.some((f) => f.kind === 'timeout') ? SHORT_TIMEOUT_MS : LANE_TIMEOUT_MS;
    const call: CallRecord = {
      ...meta,
      id: this.nextId(),
      scenario,
      lane: this.id,
      transport: this.transport,
      project: this.target.apiKey,
      timeout,
      attempts: [],
      start: Date.now(),
      end: 0,
      ok: false,
    };
    this.record(call);
    this.current = call;
    // Every attempt's timeout, every wait (at most maxDelay, or a planned Retry-After), plus room: a
    // hang guard, so the room is for any load (timers fire late on a busy machine), not a measure.
    const deadline = (MAX_RETRIES + 1) * (timeout + RETRY.maxDelay) + 30_000;
    const controller = new AbortController();
    let watchdog: ReturnType<typeof setTimeout> | undefined;
    let backstop: ReturnType<typeof setTimeout> | undefined;
    try {
      watchdog = setTimeout(() => {
        call.hang = true;
        controller.abort();
      }, deadline);
      // If even the abort does not end it, stop waiting (the call is reported as a hang).
      const stuck = new Promise<never>((_, reject) => {
        backstop = setTimeout(() => reject(new Error(`call ${call.id} still pending ${deadline + 3000} ms after it started`)), deadline + 3000);
      });
      const value = await Promise.race([send({ timeout, signal: controller.signal }), stuck]);
      call.ok = true;
      return { ok: true, value, call };
    } catch (error) {
      call.error = error;
      return { ok: false, error, call };
    } finally {
      clearTimeout(watchdog);
      clearTimeout(backstop);
      this.current = undefined;
      call.end = Date.now();
      noteEnd(call, call.end);
    }
  }
}
