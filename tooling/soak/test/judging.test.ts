// How the soak judges a call when the machine is busy: by what happened (the attempts' outcomes, the
// emulator's write log), never by how long it took. On a loaded machine a client's timer can run out
// before a planned fault's answer arrives; the soak once reported that as "planned a drop, saw
// timeout". These cases are built by hand, so they run in milliseconds and need no emulator.
import { APIConnectionTimeoutError } from '@aerostack/core';
import { describe, expect, it } from 'vitest';
import { checkCall, type AttemptRecord, type CallRecord } from './support/calls';
import type { Control, WriteRow } from './support/control';
import type { Fault } from './support/faults';
import { SHORT_TIMEOUT_MS } from './support/faults';
import { settleWrites } from './support/settle';

const drop: Fault = { kind: 'drop', header: 'drop' };
const limited: Fault = { kind: 'rate-limit', status: 429, retryAfterMs: 30, header: 'status=429;retry-after-ms=30' };
const late: Fault = { kind: 'timeout', latencyMs: 3500, header: 'latency=3500' };
const ctx = { ruleTarget: () => false };

/** A cache.set whose attempts are given as [planned fault, what the client saw, how long it took]. */
function call(attempts: [Fault | undefined, Partial<AttemptRecord>, number][], ok: boolean): CallRecord {
  let clock = 1_000_000;
  const records: AttemptRecord[] = attempts.map(([fault, seen, tookMs], n) => {
    const start = clock;
    clock += tookMs;
    // The next attempt after the backoff of the lanes' policy (20, 40 ms), announced in the retry line.
    const retryDelay = n < attempts.length - 1 ? 20 * 2 ** n : undefined;
    const record: AttemptRecord = { n, fault, key: 'idem-1', start, end: clock, retryDelay, ...seen };
    clock += retryDelay ?? 0;
    return record;
  });
  return {
    kind: 'cache.set',
    platform: 'aerostack',
    write: true,
    traits: { retryable: true, mode: 'json' },
    plan: attempts.map(([fault]) => fault).filter((f): f is Fault => f !== undefined),
    id: 1,
    scenario: 1,
    lane: 0,
    transport: 'node',
    project: 'ak_test',
    timeout: SHORT_TIMEOUT_MS,
    attempts: records,
    start: records[0]!.start,
    end: clock,
    ok,
    error: ok ? undefined : new APIConnectionTimeoutError(`Request timed out after ${SHORT_TIMEOUT_MS} ms`),
  };
}

const timedOut = { outcome: 'timeout' as const, message: `Request timed out after ${SHORT_TIMEOUT_MS} ms` };

describe('checkCall on a busy machine', () => {
  it('a planned drop whose client timed out first is a timeout (retried, typed), not a violation', () => {
    const c = call([[late, timedOut, SHORT_TIMEOUT_MS], [drop, timedOut, SHORT_TIMEOUT_MS + 40], [undefined, { outcome: 'ok', status: 200, replayed: true }, 5]], true);
    expect(checkCall(c, ctx)).toEqual([]);
    expect(c.attempts[1]?.unplannedTimeout).toBe(true);
  });

  it("a planned 429 whose client timed out first: the core's backoff is judged, not the Retry-After it never saw", () => {
    const c = call([[limited, timedOut, SHORT_TIMEOUT_MS], [undefined, { outcome: 'ok', status: 200 }, 5]], true);
    expect(checkCall(c, ctx)).toEqual([]);
  });

  it('still fails a timeout that came before the call’s timeout ran out, and a planned drop that succeeded', () => {
    const early = call([[drop, timedOut, 200], [undefined, { outcome: 'ok', status: 200 }, 5]], true);
    expect(checkCall(early, ctx).join('\n')).toMatch(/planned a drop, saw timeout/);
    const unseen = call([[drop, { outcome: 'ok', status: 200 }, 5]], true);
    expect(checkCall(unseen, ctx).join('\n')).toMatch(/planned a drop, saw ok/);
  });

  it('still fails the wrong error class after an unplanned timeout', () => {
    const c = call([[drop, timedOut, SHORT_TIMEOUT_MS]], false);
    c.traits = { retryable: false, mode: 'json' };
    c.error = new Error('boom');
    expect(checkCall(c, ctx).join('\n')).toMatch(/untyped error/);
  });
});

/** A control stand-in whose write log gets the row of key `idem-1` on its `after`-th read. */
function writeLog(after: number): { control: Control; reads: () => number } {
  let reads = 0;
  const row: WriteRow = { project: 'ak_test', route: '/cache/set', idempotency_key: 'idem-1', at: 0 };
  const control = { writes: async () => (++reads >= after ? [row] : []) } as unknown as Control;
  return { control, reads: () => reads };
}

describe('settleWrites: a write whose answer was lost is settled by the write log', () => {
  const lost = () => call([[late, timedOut, SHORT_TIMEOUT_MS]], false);

  it('waits until the emulator logs the write, however long that takes', async () => {
    const log = writeLog(4);
    expect(await settleWrites(log.control, [lost()], 60_000)).toEqual([]);
    expect(log.reads()).toBe(4);
  });

  it('gives up after its limit on a write that never ran, and says which', async () => {
    const log = writeLog(Number.POSITIVE_INFINITY);
    const c = lost();
    expect(await settleWrites(log.control, [c], 300)).toEqual([c]);
  });

  it('does not wait for a write refused by a status fault on every attempt (the route never ran)', async () => {
    const log = writeLog(Number.POSITIVE_INFINITY);
    const refused = call([[limited, { outcome: 'status', status: 429, injected: true }, 5]], false);
    refused.traits = { retryable: false, mode: 'json' };
    expect(await settleWrites(log.control, [refused], 60_000)).toEqual([]);
    expect(log.reads()).toBe(0);
  });
});
