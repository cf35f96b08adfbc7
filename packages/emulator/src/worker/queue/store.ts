// Jobs in the emulator's own D1 database (EMU, table `jobs`), keyed by (project, id). Times are
// kept as ms since the epoch and answered as ISO strings; `data` is kept as JSON text.
import type { Env } from '../env';

export const JOB_STATUSES = ['queued', 'processing', 'completed', 'failed', 'cancelled'] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

/** Job metadata is kept for 7 days (as on the platform); older jobs read as missing. */
export const JOB_TTL_MS = 7 * 24 * 60 * 60 * 1000;

/** The largest `delaySeconds` Cloudflare Queues accepts; a longer delay is sent again by the consumer. */
export const MAX_QUEUE_DELAY_S = 43_200;

/**
 * A queued job this far past its `runAt` has lost its message (Miniflare keeps queue messages in
 * memory, so a restart with a data directory drops them): it is sent again. A duplicate is harmless,
 * since the consumer only runs a job it moves out of `queued` itself.
 */
export const STALE_MS = 5000;

/** What the producer sends and the consumer receives. */
export interface JobMessage {
  project: string;
  jobId: string;
}

export interface JobRow {
  project: string;
  id: string;
  type: string;
  data: string;
  status: JobStatus;
  created_at: number;
  run_at: number;
  attempts: number;
  completed_at: number | null;
  error: string | null;
}

/** The spec's JobRecord. */
export interface JobRecord {
  id: string;
  type: string;
  data: unknown;
  status: JobStatus;
  projectId: string;
  createdAt: string;
  runAt: string;
  attempts: number;
  completedAt?: string;
  error?: string;
}

export function toRecord(row: JobRow): JobRecord {
  const record: JobRecord = {
    id: row.id,
    type: row.type,
    data: JSON.parse(row.data) as unknown,
    status: row.status,
    projectId: row.project,
    createdAt: new Date(row.created_at).toISOString(),
    runAt: new Date(row.run_at).toISOString(),
    attempts: row.attempts,
  };
  if (row.completed_at !== null) record.completedAt = new Date(row.completed_at).toISOString();
  if (row.error !== null) record.error = row.error;
  return record;
}

const COLUMNS = 'project, id, type, data, status, created_at, run_at, attempts, completed_at, error';

/** The job, or null when it does not exist or is older than 7 days. */
export async function readJob(env: Env, project: string, id: string): Promise<JobRow | null> {
  return env.EMU.prepare(`SELECT ${COLUMNS} FROM jobs WHERE project = ? AND id = ? AND created_at > ?`).bind(project, id, Date.now() - JOB_TTL_MS).first<JobRow>();
}

export async function insertJob(env: Env, row: JobRow): Promise<void> {
  await env.EMU.prepare(`INSERT INTO jobs (${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
    .bind(row.project, row.id, row.type, row.data, row.status, row.created_at, row.run_at, row.attempts, row.completed_at, row.error)
    .run();
}

export async function deleteJob(env: Env, project: string, id: string): Promise<void> {
  await env.EMU.prepare('DELETE FROM jobs WHERE project = ? AND id = ?').bind(project, id).run();
}

/** Drops the jobs (and outbox rows) of every project that are past the 7 days. */
export async function purgeExpired(env: Env): Promise<void> {
  const before = Date.now() - JOB_TTL_MS;
  await env.EMU.batch([env.EMU.prepare('DELETE FROM jobs WHERE created_at <= ?').bind(before), env.EMU.prepare('DELETE FROM job_outbox WHERE at <= ?').bind(before)]);
}

/** Moves a job from `from` to `to` only if it is still in `from`; true when it did (the row is the lock). */
export async function transition(env: Env, project: string, id: string, from: JobStatus, to: JobStatus, extra: { completedAt?: number; error?: string; attempt?: boolean } = {}): Promise<boolean> {
  const result = await env.EMU.prepare(
    'UPDATE jobs SET status = ?, completed_at = COALESCE(?, completed_at), error = COALESCE(?, error), attempts = attempts + ? WHERE project = ? AND id = ? AND status = ?',
  )
    .bind(to, extra.completedAt ?? null, extra.error ?? null, extra.attempt ? 1 : 0, project, id, from)
    .run();
  return result.meta.changes === 1;
}

export interface ListFilter {
  status?: JobStatus | undefined;
  type?: string | undefined;
  limit: number;
  after?: { createdAt: number; id: string } | undefined;
}

/** One page in (createdAt, id) order, oldest first, and whether more rows follow. */
export async function listJobRows(env: Env, project: string, filter: ListFilter): Promise<{ rows: JobRow[]; more: boolean }> {
  const where = ['project = ?', 'created_at > ?'];
  const params: (string | number)[] = [project, Date.now() - JOB_TTL_MS];
  if (filter.status) {
    where.push('status = ?');
    params.push(filter.status);
  }
  if (filter.type !== undefined) {
    where.push('type = ?');
    params.push(filter.type);
  }
  if (filter.after) {
    where.push('(created_at > ? OR (created_at = ? AND id > ?))');
    params.push(filter.after.createdAt, filter.after.createdAt, filter.after.id);
  }
  const { results } = await env.EMU.prepare(`SELECT ${COLUMNS} FROM jobs WHERE ${where.join(' AND ')} ORDER BY created_at, id LIMIT ?`)
    .bind(...params, filter.limit + 1)
    .all<JobRow>();
  return { rows: results.slice(0, filter.limit), more: results.length > filter.limit };
}

/** An opaque cursor over (createdAt, id): base64url of `[createdAt, id]`. */
export function encodeCursor(row: JobRow): string {
  return btoa(JSON.stringify([row.created_at, row.id])).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
}

export function decodeCursor(cursor: string): { createdAt: number; id: string } | undefined {
  try {
    const padded = cursor.replaceAll('-', '+').replaceAll('_', '/') + '='.repeat((4 - (cursor.length % 4)) % 4);
    const parsed = JSON.parse(atob(padded)) as unknown;
    if (Array.isArray(parsed) && parsed.length === 2 && Number.isSafeInteger(parsed[0]) && typeof parsed[1] === 'string') {
      return { createdAt: parsed[0] as number, id: parsed[1] };
    }
  } catch {
    // not one of ours
  }
  return undefined;
}

/** Sends the stale queued jobs (see STALE_MS) among `rows` again, or, with no rows, up to 100 of any project. */
export async function redeliverStale(env: Env, rows?: JobRow[]): Promise<void> {
  const cutoff = Date.now() - STALE_MS;
  const stale =
    rows?.filter((r) => r.status === 'queued' && r.run_at < cutoff) ??
    (await env.EMU.prepare(`SELECT ${COLUMNS} FROM jobs WHERE status = 'queued' AND run_at < ? AND created_at > ? LIMIT 100`).bind(cutoff, Date.now() - JOB_TTL_MS).all<JobRow>()).results;
  if (stale.length) await env.JOBS.sendBatch(stale.map((r) => ({ body: { project: r.project, jobId: r.id } satisfies JobMessage })));
}
