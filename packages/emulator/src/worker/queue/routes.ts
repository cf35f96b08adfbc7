// /v1/queue/*: jobs on Cloudflare Queues (producer JOBS, consumed by this worker) with their state in D1.
//
// enqueue writes the job (status `queued`, `runAt` = now + delay) to EMU's `jobs` table, then sends
// `{project, jobId}` to the queue with `delaySeconds`; the consumer (consumer.ts) does the work when
// the engine delivers it. getJob, listJobs and cancel read and update the row. A queued job whose
// message was lost (a restart: Miniflare keeps messages in memory) is sent again when enqueue,
// getJob or listJobs comes across it (store.ts, STALE_MS).
import { Hono } from 'hono';
import { Checker, readBody } from '../body';
import type { AppEnv } from '../env';
import {
  decodeCursor,
  deleteJob,
  encodeCursor,
  insertJob,
  JOB_STATUSES,
  listJobRows,
  MAX_QUEUE_DELAY_S,
  purgeExpired,
  readJob,
  redeliverStale,
  toRecord,
  transition,
  type JobMessage,
  type JobStatus,
} from './store';

export const queue = new Hono<AppEnv>();

const DEFAULT_LIMIT = 50;
const MAX_LIMIT = 200;

/** The `note` of a refused cancel. (A job never goes back to `queued`, so that entry is never used.) */
const NOT_CANCELLABLE: Record<JobStatus, string> = {
  queued: 'Job could not be cancelled',
  processing: 'Job is already processing',
  completed: 'Job already completed',
  failed: 'Job already failed',
  cancelled: 'Job already cancelled',
};

queue.post('/enqueue', async (c) => {
  const check = new Checker(await readBody(c));
  const type = check.string('type', { required: true });
  const data = check.value('data');
  const delay = check.int('delay', { min: 0 }) ?? 0;
  check.done();
  const project = c.get('project').id;
  await purgeExpired(c.env);
  await redeliverStale(c.env);
  const now = Date.now();
  const jobId = `job_${crypto.randomUUID().replaceAll('-', '')}`;
  await insertJob(c.env, {
    project,
    id: jobId,
    type: String(type),
    data: JSON.stringify(data),
    status: 'queued',
    created_at: now,
    run_at: now + delay * 1000,
    attempts: 0,
    completed_at: null,
    error: null,
  });
  const message: JobMessage = { project, jobId };
  try {
    // Queues refuse a delay over 12 h: the consumer sends such a job again until it is due.
    await c.env.JOBS.send(message, { delaySeconds: Math.min(delay, MAX_QUEUE_DELAY_S) });
  } catch (error) {
    await deleteJob(c.env, project, jobId);
    throw error;
  }
  return c.json({ jobId, success: true }, 201);
});

queue.post('/job', async (c) => {
  const check = new Checker(await readBody(c));
  const jobId = check.string('jobId', { required: true });
  check.done();
  const row = await readJob(c.env, c.get('project').id, String(jobId));
  if (row) await redeliverStale(c.env, [row]);
  return c.json(row ? { job: toRecord(row), exists: true } : { job: null, exists: false });
});

queue.post('/jobs', async (c) => {
  const check = new Checker(await readBody(c));
  const status = check.string('status');
  if (status !== undefined && !(JOB_STATUSES as readonly string[]).includes(status)) check.fail('status', `Expected one of ${JOB_STATUSES.join(', ')}`);
  const type = check.string('type', { nonEmpty: true });
  const limit = check.int('limit', { min: 1, max: MAX_LIMIT }) ?? DEFAULT_LIMIT;
  const cursor = check.string('cursor');
  const after = cursor ? decodeCursor(cursor) : undefined;
  if (cursor && !after) check.fail('cursor', 'Invalid cursor');
  check.done();
  const { rows, more } = await listJobRows(c.env, c.get('project').id, { status: status as JobStatus | undefined, type, limit, after });
  await redeliverStale(c.env, rows);
  const last = rows.at(-1);
  return c.json(more && last ? { jobs: rows.map(toRecord), list_complete: false, cursor: encodeCursor(last) } : { jobs: rows.map(toRecord), list_complete: true });
});

/** Advisory, as on the platform: only a job that is still queued can be cancelled. */
queue.post('/cancel', async (c) => {
  const check = new Checker(await readBody(c));
  const jobId = String(check.string('jobId', { required: true }));
  check.done();
  const project = c.get('project').id;
  if (await transition(c.env, project, jobId, 'queued', 'cancelled')) return c.json({ success: true });
  const row = await readJob(c.env, project, jobId);
  if (!row) return c.json({ success: false, note: 'Job not found' });
  return c.json({ success: false, note: NOT_CANCELLABLE[row.status] });
});
