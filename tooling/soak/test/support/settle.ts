// A write whose answer never came (a timeout, a lost connection) may still be running on the server:
// workerd finishes a request whose client left, and a latency fault sleeps, then runs the route.
// Before its chain reads back, and before the final checks, the soak waits until such a write is done.
// It asks the emulator, whose write log gets the write's row once its route has run; it never guesses
// from the clock how long that takes, which on a loaded machine is longer than on an idle one.
import { writeRan, type AttemptRecord, type CallRecord } from './calls';
import type { Control } from './control';
import { sleep } from './resources';

/** How long to keep asking about a write that may never run: a hang guard, not a measure of speed. */
export const SETTLE_LIMIT_MS = 30_000;
const POLL_MS = 100;

const LOST: ReadonlySet<string> = new Set(['timeout', 'conn', 'abort', 'untyped']);

/**
 * An attempt whose answer was lost, and which can still make the route run: any but one with a
 * planned status fault (the emulator answers those before the route, so such a write never runs).
 */
const mayStillRun = (a: AttemptRecord): boolean => LOST.has(a.outcome ?? '') && a.fault?.status === undefined;

/**
 * The Aerostack writes whose outcome the client could not know and that may still be running. Once
 * the key has a row, no later attempt can write again (idempotency), so the row settles the call.
 * Smarter writes have no write log and are never retried; the final checks accept either outcome.
 */
export function unsettled(calls: readonly CallRecord[]): CallRecord[] {
  return calls.filter((c) => c.platform === 'aerostack' && c.write && !c.ok && writeRan(c) === 'maybe' && c.attempts[0]?.key && c.attempts.some(mayStillRun));
}

/**
 * Waits until the write log holds a row for each such call, or `limitMs` pass (a request that never
 * reached the route leaves no row; the final checks accept 0 or 1 writes for it). Resolves to the
 * calls still without a row.
 */
export async function settleWrites(control: Control, calls: readonly CallRecord[], limitMs = SETTLE_LIMIT_MS): Promise<CallRecord[]> {
  let waiting = unsettled(calls);
  const until = Date.now() + limitMs;
  while (waiting.length) {
    const logged = new Set<string | null>();
    for (const project of new Set(waiting.map((c) => c.project))) for (const row of await control.writes(project)) logged.add(row.idempotency_key);
    waiting = waiting.filter((c) => !logged.has(c.attempts[0]?.key ?? null));
    if (!waiting.length || Date.now() >= until) break;
    await sleep(POLL_MS);
  }
  return waiting;
}
