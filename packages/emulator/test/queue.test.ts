// @aerostack/queue against the emulator: jobs really go through Cloudflare Queues (Miniflare's
// broker, producer and consumer in the same worker), with their state in D1.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AerostackClient } from '@aerostack/core';
import { cancel, enqueue, getJob, listJobs, type JobRecord, type JobStatus } from '@aerostack/queue';
import { describe, expect, it } from 'vitest';
import type { Result } from '../../../tooling/spec-types/src/aerostack';
import { startEmulator } from '../src/index';
import { client, KEY_A, KEY_B, useEmulator, writes } from './helpers/emulator';
import { checkError, responseProblems } from './helpers/openapi';

const emu = useEmulator();
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** An SDK client whose every response is checked against the spec (helpers/openapi.ts). */
const q = (apiKey = KEY_A): AerostackClient => client(emu, apiKey);

/** A raw POST (bodies the SDK would refuse), checked the same way. */
async function raw(path: string, body: unknown, apiKey = KEY_A): Promise<{ status: number; json: unknown }> {
  const response = await fetch(emu.emulator.aerostackURL + path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-aerostack-key': apiKey },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const json = (await response.json()) as unknown;
  expect(responseProblems('POST', new URL(response.url).pathname, response.status, json)).toEqual([]);
  return { status: response.status, json };
}

/**
 * Polls getJob every 50 ms until the job has one of `statuses`. The deadline is a hang guard, not a
 * measure of speed (a loaded machine delivers late): it only turns a job that never gets there into a
 * clear failure before the test's own time limit.
 */
async function waitFor(c: AerostackClient, jobId: string, statuses: JobStatus[], deadlineMs = 60_000): Promise<JobRecord> {
  const until = Date.now() + deadlineMs;
  for (;;) {
    const { job } = await getJob(c, { jobId });
    if (job && statuses.includes(job.status)) return job;
    if (Date.now() > until) throw new Error(`job ${jobId} is ${job?.status ?? 'missing'} after ${deadlineMs} ms, expected ${statuses.join('|')}`);
    await sleep(50);
  }
}

describe('queue: delivery through Cloudflare Queues', () => {
  it('enqueue answers 201 {jobId, success}; the consumer runs the job to completed', async () => {
    const { status, json } = await raw('/queue/enqueue', { type: 'send-email', data: { to: 'ada@example.com', subject: 'Hi' } });
    expect(status).toBe(201);
    const { jobId, success } = json as Result<'queueEnqueue'>;
    expect(success).toBe(true);
    const c = q();
    const job = await waitFor(c, jobId, ['completed', 'failed']);
    expect(job).toMatchObject({ id: jobId, type: 'send-email', data: { to: 'ada@example.com', subject: 'Hi' }, status: 'completed', attempts: 1 });
    expect(job.projectId).toMatch(/^proj_[0-9a-f]{16}$/);
    expect(job.runAt).toBe(job.createdAt);
    expect(Date.parse(job.completedAt ?? '')).toBeGreaterThanOrEqual(Date.parse(job.createdAt));
    expect(job.error).toBeUndefined();
    // Through the SDK too.
    const viaSdk = await enqueue(c, { type: 'resize-image', data: null });
    expect(viaSdk).toEqual({ jobId: expect.stringMatching(/^job_/), success: true });
    expect((await waitFor(c, viaSdk.jobId, ['completed'])).data).toBeNull();
  });

  it('a delayed job (delay: 2) stays queued until due, then completes', async () => {
    const c = q();
    const { jobId } = await enqueue(c, { type: 'reminder', data: { n: 1 }, delay: 2 });
    await sleep(500);
    const early = await getJob(c, { jobId });
    const readBy = Date.now();
    const job = early.job as JobRecord;
    expect(Date.parse(job.runAt ?? '') - Date.parse(job.createdAt)).toBe(2000);
    // Judged by the job's own times, not by how fast the machine is: a read answered before runAt
    // (the emulator shares this clock) must see the job queued. A machine so busy that 2 s passed
    // before the answer came cannot tell, and the completion below is checked all the same.
    if (readBy < Date.parse(job.runAt ?? '')) {
      expect(early).toMatchObject({ exists: true, job: { status: 'queued', attempts: 0 } });
      expect(job.completedAt).toBeUndefined();
    }
    const done = await waitFor(c, jobId, ['completed', 'failed']);
    expect(done.status).toBe('completed');
    expect(Date.parse(done.completedAt ?? '') - Date.parse(done.createdAt)).toBeGreaterThanOrEqual(1900);
  });

  it('cancel while queued: {success: true}, and the consumer skips the job when it comes due', async () => {
    const c = q();
    const { jobId } = await enqueue(c, { type: 'cancel-me', data: {}, delay: 2 });
    expect(await cancel(c, { jobId })).toEqual({ success: true });
    expect((await getJob(c, { jobId })).job).toMatchObject({ status: 'cancelled', attempts: 0 });
    await sleep(3000); // past the delay: the message has been delivered (and skipped)
    const { job } = await getJob(c, { jobId });
    expect(job).toMatchObject({ status: 'cancelled', attempts: 0 });
    expect(job?.completedAt).toBeUndefined();
    expect(await cancel(c, { jobId })).toEqual({ success: false, note: 'Job already cancelled' });
  });

  it('a failing job ends failed with its error; finished jobs cannot be cancelled', async () => {
    const c = q();
    const { jobId } = await enqueue(c, { type: 'charge', data: { fail: true, error: 'card declined' } });
    const failed = await waitFor(c, jobId, ['completed', 'failed']);
    expect(failed).toMatchObject({ status: 'failed', error: 'card declined', attempts: 1 });
    expect(failed.completedAt).toEqual(expect.any(String));
    expect(await cancel(c, { jobId })).toEqual({ success: false, note: 'Job already failed' });

    const plain = await enqueue(c, { type: 'charge', data: { fail: true } });
    expect((await waitFor(c, plain.jobId, ['failed'])).error).toBe('Job failed (data.fail is true)');

    const ok = await enqueue(c, { type: 'charge', data: { fail: false } });
    await waitFor(c, ok.jobId, ['completed']);
    expect(await cancel(c, { jobId: ok.jobId })).toEqual({ success: false, note: 'Job already completed' });
  });
});

describe('queue: reads', () => {
  it('listJobs: pages of 2 in enqueue order, filtered by status and type', async () => {
    const c = q();
    const done: string[] = [];
    for (let i = 0; i < 3; i++) done.push((await enqueue(c, { type: 'report', data: { i } })).jobId);
    const waiting: string[] = [];
    for (let i = 3; i < 5; i++) waiting.push((await enqueue(c, { type: 'report', data: { i }, delay: 600 })).jobId);
    await enqueue(c, { type: 'other', data: null, delay: 600 });
    for (const id of done) await waitFor(c, id, ['completed']);

    const pages: string[][] = [];
    const cursors: (string | undefined)[] = [];
    for await (const page of listJobs(c, { type: 'report', limit: 2 }).byPage()) {
      pages.push(page.items.map((j) => j.id));
      cursors.push(page.nextCursor);
    }
    expect(pages).toEqual([done.slice(0, 2), [done[2], waiting[0]], [waiting[1]]]);
    expect(cursors.slice(0, 2).every((cur) => typeof cur === 'string' && cur.length > 0)).toBe(true);

    const completed = await listJobs(c, { type: 'report', status: 'completed', limit: 2 }).toArray({ limit: 100 });
    expect(completed.map((j) => j.id)).toEqual(done);
    const queued = await listJobs(c, { status: 'queued', type: 'report', limit: 2 }).toArray({ limit: 100 });
    expect(queued.map((j) => [j.id, j.status])).toEqual(waiting.map((id) => [id, 'queued']));
    expect((await listJobs(c, { status: 'queued' }).toArray({ limit: 1000 })).map((j) => j.type)).toContain('other');

    // A page as the server sends it, then its cursor by hand.
    const first = (await raw('/queue/jobs', { type: 'report', limit: 2 })).json as Result<'queueListJobs'>;
    expect(first).toMatchObject({ list_complete: false, cursor: expect.any(String) });
    const second = (await raw('/queue/jobs', { type: 'report', limit: 2, cursor: first.cursor })).json as Result<'queueListJobs'>;
    expect(second.jobs.map((j) => j.id)).toEqual([done[2], waiting[0]]);
    const exact = (await raw('/queue/jobs', { type: 'report', status: 'queued', limit: 2 })).json as Result<'queueListJobs'>;
    expect(exact).toEqual({ jobs: expect.any(Array), list_complete: true });
  });

  it('a delay over the 12 h Queues allow is accepted (the consumer sends it again until due)', async () => {
    const c = q();
    const { jobId } = await enqueue(c, { type: 'far-future', data: null, delay: 86_400 });
    const { job } = await getJob(c, { jobId });
    expect(job?.status).toBe('queued');
    expect(Date.parse(job?.runAt ?? '') - Date.parse(job?.createdAt ?? '')).toBe(86_400_000);
  });

  it('getJob of an unknown id: {job: null, exists: false}', async () => {
    expect(await getJob(q(), { jobId: 'job_nope' })).toEqual({ job: null, exists: false });
    expect(await cancel(q(), { jobId: 'job_nope' })).toEqual({ success: false, note: 'Job not found' });
  });

  it('isolation: the other key sees none of the jobs and cannot cancel them', async () => {
    const a = q(KEY_A);
    const b = q(KEY_B);
    const { jobId } = await enqueue(a, { type: 'private', data: { secret: 1 }, delay: 600 });
    expect(await getJob(b, { jobId })).toEqual({ job: null, exists: false });
    expect(await cancel(b, { jobId })).toEqual({ success: false, note: 'Job not found' });
    expect(await listJobs(b, { type: 'private' }).toArray({ limit: 100 })).toEqual([]);
    const mine = await getJob(a, { jobId });
    expect(mine.job).toMatchObject({ status: 'queued' });
    const other = await enqueue(b, { type: 'private', data: { secret: 2 } });
    expect((await waitFor(b, other.jobId, ['completed'])).projectId).not.toBe(mine.job?.projectId);
    expect((await listJobs(a, { type: 'private' }).toArray({ limit: 100 })).map((j) => j.id)).toEqual([jobId]);
  });
});

describe('queue: idempotency and validation', () => {
  it('the same Idempotency-Key twice: one job, the same jobId', async () => {
    const c = q();
    const first = await enqueue(c, { type: 'once', data: { n: 1 } }, { idempotencyKey: 'enqueue-once' });
    const again = await enqueue(c, { type: 'once', data: { n: 1 } }, { idempotencyKey: 'enqueue-once' });
    expect(again).toEqual(first);
    await waitFor(c, first.jobId, ['completed']);
    expect((await listJobs(c, { type: 'once' }).toArray({ limit: 100 })).map((j) => j.id)).toEqual([first.jobId]);
    expect((await writes(emu)).filter((w) => w.idempotency_key === 'enqueue-once')).toEqual([expect.objectContaining({ route: '/queue/enqueue' })]);
  });

  it('bad bodies are 400 VALIDATION_ERROR with fieldErrors', async () => {
    const missing = await raw('/queue/enqueue', {});
    expect(missing.status).toBe(400);
    expect(checkError(missing.json)).toMatchObject({ code: 'VALIDATION_ERROR', details: { fieldErrors: { type: ['Required'], data: ['Required'] } } });
    const delay = await raw('/queue/enqueue', { type: 't', data: 1, delay: -1 });
    expect(checkError(delay.json).details).toEqual({ fieldErrors: { delay: ['Must be at least 0'] } });
    const list = await raw('/queue/jobs', { status: 'done', limit: 201, cursor: 'nonsense' });
    expect(list.status).toBe(400);
    expect(Object.keys((checkError(list.json).details as { fieldErrors: object }).fieldErrors).sort()).toEqual(['cursor', 'limit', 'status']);
    expect((await raw('/queue/job', {})).status).toBe(400);
    expect((await raw('/queue/cancel', { jobId: '' })).status).toBe(400);
    expect((await raw('/queue/enqueue', 'not json')).status).toBe(400);
  });
});

describe('queue: restart with a data directory', () => {
  it('a queued job whose message was lost in the restart is sent again once it is 5 s overdue', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'aerostack-emulator-queue-'));
    const at = (url: string) => new AerostackClient({ apiKey: KEY_A, baseURL: url, logLevel: 'off' });
    try {
      const first = await startEmulator({ aerostackPort: 0, smarterPort: 0, dataDir: dir, keys: [KEY_A] });
      const { jobId } = await enqueue(at(first.aerostackURL), { type: 'survivor', data: null, delay: 1 });
      await first.stop(); // Miniflare keeps queue messages in memory: this one is gone
      const second = await startEmulator({ aerostackPort: 0, smarterPort: 0, dataDir: dir, keys: [KEY_A] });
      try {
        const c = at(second.aerostackURL);
        expect((await getJob(c, { jobId })).job?.status).toBe('queued');
        await sleep(6500); // runAt + STALE_MS
        expect((await waitFor(c, jobId, ['completed'])).attempts).toBe(1);
      } finally {
        await second.stop();
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
