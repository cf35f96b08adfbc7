import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { listJobs } from '../src';
import { client, KEY, ORIGIN, type Seen } from './helpers';

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

const job = (id: string, status = 'failed') => ({ id, type: 'send-email', data: {}, status, projectId: 'p', createdAt: '2026-03-01T10:00:00.000Z' });
const pages = [
  { jobs: [job('j1'), job('j2')], list_complete: false, cursor: 'c1' },
  { jobs: [job('j3')], list_complete: false, cursor: 'c2' },
  { jobs: [job('j4')], list_complete: true },
];

function serve(): Seen[] {
  const seen: Seen[] = [];
  nock(ORIGIN)
    .post('/v1/queue/jobs')
    .times(10)
    .reply(function (uri, body) {
      const { cursor } = body as { cursor?: string };
      seen.push({ method: this.req.method, path: uri, headers: this.req.headers, body });
      return [200, pages[cursor === 'c1' ? 1 : cursor === 'c2' ? 2 : 0]];
    });
  return seen;
}

describe('listJobs', () => {
  it('iterates every job of every page with the filters, the cursor in the body', async () => {
    const seen = serve();
    const ids: string[] = [];
    for await (const j of listJobs(client(), { status: 'failed', type: 'send-email', limit: 2 })) ids.push(j.id);
    expect(ids).toEqual(['j1', 'j2', 'j3', 'j4']);
    expect(seen.map((s) => s.body)).toEqual([
      { status: 'failed', type: 'send-email', limit: 2 },
      { status: 'failed', type: 'send-email', limit: 2, cursor: 'c1' },
      { status: 'failed', type: 'send-email', limit: 2, cursor: 'c2' },
    ]);
    for (const s of seen) {
      expect(s.method).toBe('POST');
      expect(s.path).toBe('/v1/queue/jobs');
      expect(s.headers['x-aerostack-key']).toBe(KEY);
      expect(s.headers['content-type']).toBe('application/json');
    }
  });

  it('sends no filters when none are given', async () => {
    const seen = serve();
    const page = await listJobs(client());
    expect(seen[0]!.body).toEqual({});
    expect(page.items.map((j) => j.id)).toEqual(['j1', 'j2']);
    expect(page.nextCursor).toBe('c1');
  });

  it('resumes from a saved cursor and walks pages', async () => {
    const seen = serve();
    const pageSizes: number[] = [];
    for await (const page of listJobs(client(), { cursor: 'c1' }).byPage()) pageSizes.push(page.items.length);
    expect(pageSizes).toEqual([1, 1]);
    expect(seen[0]!.body).toEqual({ cursor: 'c1' });
  });

  it('toArray fetches no more pages than needed', async () => {
    const seen = serve();
    expect(await listJobs(client()).toArray({ limit: 3 })).toHaveLength(3);
    expect(seen).toHaveLength(2);
  });

  it('sends no idempotency key on any page, not even one that was passed (a read)', async () => {
    const seen = serve();
    await listJobs(client(), {}, { idempotencyKey: 'same' }).toArray({ limit: 10 });
    expect(seen).toHaveLength(3);
    expect(seen.map((s) => s.headers['idempotency-key'])).toEqual([undefined, undefined, undefined]);
  });
});
