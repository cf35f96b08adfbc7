import { InvalidRequestError, SmarterClient } from '@smarter/core';
import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cancelJob, createJob, FineTuning, jobs, listJobEvents, listJobs, retrieveJob, VERSION, type JobCreateParams } from '../src';
import pkg from '../package.json';
import { API, clientWith, event, failure, job, json, KEY, listOf, rejection, scriptedFetch, sentJSON } from './helpers';

const PARAMS: JobCreateParams = { model: 'gpt-4o', training_file: 'file-abc123', hyperparameters: { n_epochs: 3 }, suffix: 'support' };

describe('jobs.create', () => {
  it('POSTs the job to fine_tuning/jobs/ and resolves to the job', async () => {
    const fetch = scriptedFetch(json(job(1)));
    expect(await createJob(clientWith(fetch), PARAMS)).toEqual(job(1));
    const [req] = fetch.calls;
    expect(req!.method).toBe('POST');
    expect(req!.url).toBe(`${API}fine_tuning/jobs/`);
    expect(req!.headers.authorization).toBe(`Token ${KEY}`);
    expect(req!.headers['content-type']).toBe('application/json');
    expect(req!.headers['idempotency-key']).toBeUndefined();
    expect(sentJSON(req)).toEqual(PARAMS);
  });

  it.each([
    ['model', { ...PARAMS, model: '' }],
    ['training_file', { model: 'gpt-4o' } as JobCreateParams],
  ])('rejects a bad %s before sending', async (field, params) => {
    const fetch = scriptedFetch();
    const error = await rejection(createJob(clientWith(fetch), params));
    expect(error).toBeInstanceOf(InvalidRequestError);
    expect(error).toMatchObject({ code: 'VALIDATION_ERROR', message: `${field}: a non-empty string`, details: { field } });
    expect(fetch.calls).toHaveLength(0);
  });

  describe('through the real fetch (nock)', () => {
    beforeAll(() => nock.disableNetConnect());
    afterEach(() => nock.cleanAll());
    afterAll(() => nock.enableNetConnect());

    it('the server receives the JSON body and the Token header', async () => {
      let received: unknown;
      const scope = nock('http://localhost:9357', { reqheaders: { authorization: `Token ${KEY}` } })
        .post('/api/v1/fine_tuning/jobs/', (body: unknown) => {
          received = body;
          return true;
        })
        .reply(200, job(1));
      await expect(createJob(new SmarterClient({ apiKey: KEY, environment: 'local' }), PARAMS)).resolves.toEqual(job(1));
      expect(scope.isDone()).toBe(true);
      expect(received).toEqual(PARAMS);
    });
  });
});

describe('jobs.retrieve and jobs.cancel', () => {
  it('GET fine_tuning/jobs/<id>/ and POST fine_tuning/jobs/<id>/cancel/, ids percent-encoded', async () => {
    const fetch = scriptedFetch(json(job(1, 'running')), json(job(1, 'cancelled')), json(job(2)));
    const client = clientWith(fetch);
    expect((await retrieveJob(client, { jobId: 'ftjob-1' })).status).toBe('running');
    expect((await cancelJob(client, { jobId: 'ftjob-1' })).status).toBe('cancelled');
    await retrieveJob(client, { jobId: 'a/b c' });
    expect(fetch.calls.map((c) => [c.method, c.url, c.init.body])).toEqual([
      ['GET', `${API}fine_tuning/jobs/ftjob-1/`, undefined],
      ['POST', `${API}fine_tuning/jobs/ftjob-1/cancel/`, undefined],
      ['GET', `${API}fine_tuning/jobs/a%2Fb%20c/`, undefined],
    ]);
  });

  it('retrieve is retried after a 503 (a read); cancel is not (a write)', async () => {
    const fetch = scriptedFetch(failure(503, 'X', 'busy'), json(job(1)), failure(503, 'X', 'busy'));
    const client = clientWith(fetch);
    expect(await retrieveJob(client, { jobId: 'ftjob-1' })).toEqual(job(1));
    expect(await rejection(cancelJob(client, { jobId: 'ftjob-1' }))).toMatchObject({ status: 503 });
    expect(fetch.calls).toHaveLength(3);
  });

  it.each([
    ['retrieveJob', retrieveJob],
    ['cancelJob', cancelJob],
    ['listJobEvents', listJobEvents],
  ] as const)('%s rejects an empty jobId before sending', async (_, op) => {
    const fetch = scriptedFetch();
    const error = await rejection(op(clientWith(fetch), { jobId: '' }));
    expect(error).toMatchObject({ code: 'VALIDATION_ERROR', message: 'jobId: a non-empty string', details: { field: 'jobId' } });
    expect(fetch.calls).toHaveLength(0);
  });
});

describe('jobs.list: pagination', () => {
  it('auto-paginates across several pages, each after the last id of the one before', async () => {
    const fetch = scriptedFetch(json(listOf([job(9), job(8)], true)), json(listOf([job(7), job(6)], true)), json(listOf([job(5)], false)));
    const all: string[] = [];
    for await (const j of listJobs(clientWith(fetch), { limit: 2 })) all.push(j.id);
    expect(all).toEqual(['ftjob-9', 'ftjob-8', 'ftjob-7', 'ftjob-6', 'ftjob-5']);
    expect(fetch.calls.map((c) => [c.method, c.url])).toEqual([
      ['GET', `${API}fine_tuning/jobs/?limit=2`],
      ['GET', `${API}fine_tuning/jobs/?limit=2&after=ftjob-8`],
      ['GET', `${API}fine_tuning/jobs/?limit=2&after=ftjob-6`],
    ]);
  });

  it("has the seed's page methods: hasNextPage(), nextPageInfo(), getNextPage()", async () => {
    const fetch = scriptedFetch(json(listOf([job(9), job(8)], true)), json(listOf([job(7)], false)));
    const first = await new FineTuning(clientWith(fetch)).jobs.list({ limit: 20 });
    expect(first.hasNextPage()).toBe(true);
    expect(first.nextPageInfo()).toEqual({ cursor: 'ftjob-8' });
    const next = await first.getNextPage();
    expect(next.body.data.map((j) => j.id)).toEqual(['ftjob-7']);
    expect(next.hasNextPage()).toBe(false);
    expect(next.nextPageInfo()).toBeNull();
    expect(fetch.calls.map((c) => c.url)).toEqual([`${API}fine_tuning/jobs/?limit=20`, `${API}fine_tuning/jobs/?limit=20&after=ftjob-8`]);
  });

  it('resumes from a saved cursor; byPage() and toArray({ limit }) fetch no more than needed', async () => {
    const fetch = scriptedFetch(json(listOf([job(9), job(8)], true)), json(listOf([job(7), job(6)], true)), json(listOf([job(5), job(4)], true)));
    const client = clientWith(fetch);
    const first = await listJobs(client, { limit: 2 });
    const saved = first.nextCursor;
    expect(saved).toBe('ftjob-8');
    const pages: string[][] = [];
    for await (const p of jobs.list(client, { limit: 2, after: saved }).byPage()) {
      pages.push(p.items.map((j) => j.id));
      if (pages.length === 1) break;
    }
    expect(pages).toEqual([['ftjob-7', 'ftjob-6']]);
    expect(await listJobs(client, { after: 'ftjob-6', limit: 2 }).toArray({ limit: 1 })).toEqual([job(5)]);
    expect(fetch.calls.map((c) => c.url)).toEqual([
      `${API}fine_tuning/jobs/?limit=2`,
      `${API}fine_tuning/jobs/?limit=2&after=ftjob-8`,
      `${API}fine_tuning/jobs/?limit=2&after=ftjob-6`,
    ]);
  });

  it('an empty listing is one request and no items', async () => {
    const fetch = scriptedFetch(json(listOf([], false)));
    expect(await listJobs(clientWith(fetch)).toArray({ limit: 10 })).toEqual([]);
    expect(fetch.calls.map((c) => c.url)).toEqual([`${API}fine_tuning/jobs/`]);
  });

  it.each([0, 101, 1.5])('rejects limit %s before sending', async (limit) => {
    const fetch = scriptedFetch();
    expect(await rejection(listJobs(clientWith(fetch), { limit }))).toMatchObject({ code: 'VALIDATION_ERROR', message: 'limit: an integer from 1 to 100' });
    expect(fetch.calls).toHaveLength(0);
  });
});

describe('jobs.listEvents', () => {
  it('pages through a job\'s events at fine_tuning/jobs/<id>/events/', async () => {
    const fetch = scriptedFetch(json(listOf([event(3), event(2)], true)), json(listOf([event(1)], false)));
    const messages: string[] = [];
    for await (const e of new FineTuning(clientWith(fetch)).jobs.listEvents({ jobId: 'ftjob-1', limit: 2 })) messages.push(e.message);
    expect(messages).toEqual(['Step 3/100: training loss=0.3', 'Step 2/100: training loss=0.2', 'Step 1/100: training loss=0.1']);
    expect(fetch.calls.map((c) => [c.method, c.url])).toEqual([
      ['GET', `${API}fine_tuning/jobs/ftjob-1/events/?limit=2`],
      ['GET', `${API}fine_tuning/jobs/ftjob-1/events/?limit=2&after=ftevent-2`],
    ]);
  });

  it('resumes from a cursor', async () => {
    const fetch = scriptedFetch(json(listOf([event(1)], false)));
    const page = await listJobEvents(clientWith(fetch), { jobId: 'ftjob-1', after: 'ftevent-2' });
    expect(page.items).toEqual([event(1)]);
    expect(fetch.calls[0]!.url).toBe(`${API}fine_tuning/jobs/ftjob-1/events/?after=ftevent-2`);
  });
});

describe('generations and version', () => {
  it.each([undefined, 'v0.13', 'v0.14'] as const)('the routes do not depend on the generation (%s): no detection call', async (generation) => {
    const fetch = scriptedFetch(json(job(1)), json(listOf([job(1)], false)));
    const client = clientWith(fetch, { generation });
    await createJob(client, PARAMS);
    await listJobs(client);
    expect(fetch.calls.map((c) => c.url)).toEqual([`${API}fine_tuning/jobs/`, `${API}fine_tuning/jobs/`]);
  });

  it('exports its own version', () => {
    expect(VERSION).toBe(pkg.version);
  });
});
