import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { Queue, VERSION } from '../src';
import pkg from '../package.json';
import { answer, client, expectPost } from './helpers';

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

describe('Queue', () => {
  it('calls the same operations, passing options through', async () => {
    const q = new Queue(client());
    const wire: [string, number, unknown, unknown, () => PromiseLike<unknown>][] = [
      ['/queue/enqueue', 201, { type: 't', data: [1], delay: 5 }, { jobId: 'j', success: true }, () => q.enqueue({ type: 't', data: [1], delay: 5 }, { headers: { 'X-Trace': 'q' } })],
      ['/queue/job', 200, { jobId: 'j' }, { job: null, exists: false }, () => q.getJob({ jobId: 'j' }, { headers: { 'X-Trace': 'q' } })],
      ['/queue/cancel', 200, { jobId: 'j' }, { success: true }, () => q.cancel({ jobId: 'j' }, { headers: { 'X-Trace': 'q' } })],
    ];
    for (const [path, status, body, reply, call] of wire) {
      const { seen } = answer(path, status, reply);
      expect(await call()).toEqual(reply);
      expectPost(seen, path, body);
      expect(seen[0]!.headers['x-trace']).toBe('q');
    }
  });

  it('lists jobs with the paginator', async () => {
    const { seen } = answer('/queue/jobs', 200, { jobs: [], list_complete: true });
    expect(await new Queue(client()).listJobs({ status: 'queued' }).toArray({ limit: 5 })).toEqual([]);
    expectPost(seen, '/queue/jobs', { status: 'queued' });
  });

  it('keeps its client, and the package exports its version', () => {
    const c = client();
    expect(new Queue(c).client).toBe(c);
    expect(VERSION).toBe(pkg.version);
  });
});
