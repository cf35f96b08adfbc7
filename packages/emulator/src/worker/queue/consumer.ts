// The queue consumer: Miniflare delivers batches of JOBS messages here.
//
// For each `{project, jobId}`: a job that is no longer `queued` (cancelled, or already run) is
// skipped; one that is not due yet (a delay over the 12 h Queues allow) is sent again; otherwise it
// moves to `processing` (attempts + 1), the local stand-in work runs, and it ends `completed` (or
// `failed` with `error`) with `completedAt`. Every message is acked: a job runs at most once.
//
// The stand-in work (the emulator runs no project code):
//   - `data.fail === true` → the job fails, `error` = `data.error` if it is a string, else a fixed message;
//   - `send-email` → the message (`data`) is recorded in EMU's `job_outbox` table, then completed;
//   - any other type → completed.
import type { Env } from '../env';
import { ensureSchema } from '../schema';
import { MAX_QUEUE_DELAY_S, readJob, transition, type JobMessage, type JobRow } from './store';

/** Messages may arrive this early (clock granularity) and still count as due. */
const EARLY_MS = 1000;

class JobFailure extends Error {}

function isJobMessage(body: unknown): body is JobMessage {
  if (!body || typeof body !== 'object') return false;
  const { project, jobId } = body as Record<string, unknown>;
  return typeof project === 'string' && typeof jobId === 'string';
}

async function work(env: Env, job: JobRow): Promise<void> {
  const data = JSON.parse(job.data) as unknown;
  const fields = data && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : {};
  if (fields.fail === true) throw new JobFailure(typeof fields.error === 'string' && fields.error ? fields.error : 'Job failed (data.fail is true)');
  if (job.type === 'send-email') {
    await env.EMU.prepare('INSERT INTO job_outbox (project, job_id, type, data, at) VALUES (?, ?, ?, ?, ?)').bind(job.project, job.id, job.type, job.data, Date.now()).run();
  }
}

async function handle(env: Env, message: JobMessage): Promise<void> {
  const job = await readJob(env, message.project, message.jobId);
  if (job?.status !== 'queued') return; // gone, cancelled, or already run
  const wait = job.run_at - Date.now();
  if (wait > EARLY_MS) {
    await env.JOBS.send(message, { delaySeconds: Math.min(Math.ceil(wait / 1000), MAX_QUEUE_DELAY_S) });
    return;
  }
  if (!(await transition(env, job.project, job.id, 'queued', 'processing', { attempt: true }))) return; // cancelled meanwhile
  try {
    await work(env, job);
    await transition(env, job.project, job.id, 'processing', 'completed', { completedAt: Date.now() });
  } catch (error) {
    if (!(error instanceof JobFailure)) console.error('emulator: job failed unexpectedly', error);
    const reason = error instanceof Error ? error.message : String(error);
    await transition(env, job.project, job.id, 'processing', 'failed', { completedAt: Date.now(), error: reason });
  }
}

export async function consume(batch: MessageBatch, env: Env): Promise<void> {
  await ensureSchema(env);
  for (const message of batch.messages) {
    if (isJobMessage(message.body)) {
      try {
        await handle(env, message.body);
      } catch (error) {
        // The row could not be read or written: let the engine deliver it again.
        console.error('emulator: could not process job', error);
        message.retry();
        continue;
      }
    }
    message.ack();
  }
}
