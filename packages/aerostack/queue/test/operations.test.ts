import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as queue from '../src';
import { answer, client, expectPost } from './helpers';

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

const job = {
  id: 'job_1',
  type: 'send-email',
  data: { to: 'ada@example.com' },
  status: 'queued',
  projectId: 'proj_1',
  createdAt: '2026-03-01T10:00:00.000Z',
};

describe('what each operation sends and returns', () => {
  it('enqueue: type and data, answered 201', async () => {
    const { seen } = answer('/queue/enqueue', 201, { jobId: 'job_1', success: true }, { 'x-request-id': 'req_enq' });
    const { data, response, requestId } = await queue.enqueue(client(), { type: 'send-email', data: { to: 'ada@example.com' } }).withResponse();
    expect(data).toEqual({ jobId: 'job_1', success: true });
    expect(response.status).toBe(201);
    expect(requestId).toBe('req_enq');
    expectPost(seen, '/queue/enqueue', { type: 'send-email', data: { to: 'ada@example.com' } });
  });

  it('enqueue: with a delay, and with null or scalar data', async () => {
    const first = answer('/queue/enqueue', 201, { jobId: 'job_2', success: true });
    expect(await queue.enqueue(client(), { type: 'reminder', data: 42, delay: 3600 })).toEqual({ jobId: 'job_2', success: true });
    expectPost(first.seen, '/queue/enqueue', { type: 'reminder', data: 42, delay: 3600 });

    const second = answer('/queue/enqueue', 201, { jobId: 'job_3', success: true });
    await queue.enqueue(client(), { type: 'tick', data: null, delay: 0 });
    expectPost(second.seen, '/queue/enqueue', { type: 'tick', data: null, delay: 0 });
  });

  it('enqueue: the same idempotency key on a retry after a 503', async () => {
    const keys: unknown[] = [];
    nock('https://api.aerostack.dev')
      .post('/v1/queue/enqueue')
      .reply(function () {
        keys.push(this.req.headers['idempotency-key']);
        return [503, { code: 'INTERNAL_ERROR', message: 'busy' }];
      })
      .post('/v1/queue/enqueue')
      .reply(function () {
        keys.push(this.req.headers['idempotency-key']);
        return [201, { jobId: 'job_9', success: true }];
      });
    const result = await queue.enqueue(client({ retry: { initialDelay: 1 }, logLevel: 'off' }), { type: 't', data: {} }, { idempotencyKey: 'order-77-email' });
    expect(result.jobId).toBe('job_9');
    expect(keys).toEqual(['order-77-email', 'order-77-email']);
  });

  it('getJob: a job, and a missing one', async () => {
    const first = answer('/queue/job', 200, { job, exists: true });
    expect(await queue.getJob(client(), { jobId: 'job_1' })).toEqual({ job, exists: true });
    expectPost(first.seen, '/queue/job', { jobId: 'job_1' });

    answer('/queue/job', 200, { job: null, exists: false });
    expect(await queue.getJob(client(), { jobId: 'old' })).toEqual({ job: null, exists: false });
  });

  it('cancel: success, or a note when the job is already finished', async () => {
    const first = answer('/queue/cancel', 200, { success: true });
    expect(await queue.cancel(client(), { jobId: 'job_1' })).toEqual({ success: true });
    expectPost(first.seen, '/queue/cancel', { jobId: 'job_1' });

    answer('/queue/cancel', 200, { success: false, note: 'Job is already completed' });
    expect(await queue.cancel(client(), { jobId: 'job_2' })).toEqual({ success: false, note: 'Job is already completed' });
  });

  it('getJob is a read: no idempotency key; enqueue carries one', async () => {
    const read = answer('/queue/job', 200, { job: null, exists: false });
    const write = answer('/queue/enqueue', 201, { jobId: 'j', success: true });
    await queue.getJob(client(), { jobId: 'j' });
    await queue.enqueue(client(), { type: 'a', data: null });
    expect(read.seen[0]!.headers['idempotency-key']).toBeUndefined();
    expect(write.seen[0]!.headers['idempotency-key']).toEqual(expect.any(String));
  });
});
