// Fault rules live in the EMU D1 database: global to the emulator (both workers read them), consumed
// one match at a time.
import type { Env } from '../env';
import { matches, type FaultRule } from './rule';

/** Only the EMU database is needed, so the Smarter worker uses these too. */
type EmuEnv = Pick<Env, 'EMU'>;

interface FaultRow {
  id: number;
  method: string | null;
  path: string | null;
  times: number;
  status: number | null;
  retry_after: number | null;
  retry_after_ms: number | null;
  latency_ms: number | null;
  drop_conn: number;
}

const toRule = (r: FaultRow): FaultRule => ({
  id: r.id,
  method: r.method ?? undefined,
  path: r.path ?? undefined,
  times: r.times,
  status: r.status ?? undefined,
  retryAfter: r.retry_after ?? undefined,
  retryAfterMs: r.retry_after_ms ?? undefined,
  latencyMs: r.latency_ms ?? undefined,
  drop: r.drop_conn === 1,
});

export async function addFault(env: EmuEnv, rule: Omit<FaultRule, 'id'>): Promise<number> {
  const row = await env.EMU.prepare(
    'INSERT INTO faults (method, path, times, status, retry_after, retry_after_ms, latency_ms, drop_conn) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id',
  )
    .bind(rule.method ?? null, rule.path ?? null, rule.times, rule.status ?? null, rule.retryAfter ?? null, rule.retryAfterMs ?? null, rule.latencyMs ?? null, rule.drop ? 1 : 0)
    .first<{ id: number }>();
  if (!row) throw new Error('fault not stored');
  return row.id;
}

export async function listFaults(env: EmuEnv): Promise<FaultRule[]> {
  return (await env.EMU.prepare('SELECT * FROM faults WHERE times > 0 ORDER BY id').all<FaultRow>()).results.map(toRule);
}

export async function clearFaults(env: EmuEnv): Promise<void> {
  await env.EMU.prepare('DELETE FROM faults').run();
}

/** The first live rule matching the request, with one of its `times` used up. */
export async function takeFault(env: EmuEnv, method: string, pathname: string): Promise<FaultRule | undefined> {
  for (const rule of await listFaults(env)) {
    if (!matches(rule, method, pathname)) continue;
    const used = await env.EMU.prepare('UPDATE faults SET times = times - 1 WHERE id = ? AND times > 0').bind(rule.id).run();
    if (used.meta.changes === 1) return rule;
  }
  return undefined;
}
