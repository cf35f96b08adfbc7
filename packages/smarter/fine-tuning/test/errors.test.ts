import {
  APIConnectionError,
  APIError,
  NotFoundError,
  RateLimitError,
  type SDKError,
  type SmarterClient } from '@smarter/core';
import { describe, expect, it } from 'vitest';
import { cancelJob, createJob, listJobEvents, listJobs, retrieveJob } from '../src';
import { describeErrors, clientWith, failure, job, json, listOf, rejection, scriptedFetch } from './helpers';

const CREATE = { model: 'gpt-4o', training_file: 'file-abc123' };

describe("the seed's error handling, as a test", () => {
  // try { jobs.create(...) } except APIConnectionError / RateLimitError / APIStatusError (status_code)
  async function seed(client: SmarterClient, call: (c: SmarterClient) => PromiseLike<unknown> = (c) => createJob(c, CREATE)): Promise<string> {
    try {
      await call(client);
      return 'ok';
    } catch (e) {
      if (e instanceof APIConnectionError) return 'The server could not be reached';
      if (e instanceof RateLimitError) return 'A 429 status code was received; we should back off a bit.';
      if (e instanceof APIError) return `Another non-200-range status code was received: ${e.status}`;
      throw e;
    }
  }

  it('a connection error is an APIConnectionError (its cause the network error)', async () => {
    const cause = new TypeError('fetch failed');
    const fetch = scriptedFetch(cause);
    expect(await seed(clientWith(fetch))).toBe('The server could not be reached');
    const error = await rejection(createJob(clientWith(scriptedFetch(cause)), CREATE));
    expect((error as SDKError).cause).toBe(cause);
    // A write is sent once: the server may have started the job.
    expect(fetch.calls).toHaveLength(1);
  });

  it('a read retries a connection error, then reports it', async () => {
    const fetch = scriptedFetch(new TypeError('fetch failed'), new TypeError('fetch failed'), new TypeError('fetch failed'));
    expect(await seed(clientWith(fetch), (c) => listJobs(c))).toBe('The server could not be reached');
    expect(fetch.calls).toHaveLength(3);
  });

  it('429 is a RateLimitError after the retries (a read), with the headers to back off by', async () => {
    const limited = () => new Response(JSON.stringify({ error: 'slow down' }), { status: 429, headers: { 'content-type': 'application/json', 'retry-after': '0' } });
    const fetch = scriptedFetch(limited(), limited(), limited());
    expect(await seed(clientWith(fetch), (c) => listJobs(c))).toBe('A 429 status code was received; we should back off a bit.');
    expect(fetch.calls).toHaveLength(3);
    const error = (await rejection(retrieveJob(clientWith(scriptedFetch(limited()), { maxRetries: 0 }), { jobId: 'ftjob-1' }))) as SDKError;
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error.headers?.get('retry-after')).toBe('0');
  });

  it('429 on create is a RateLimitError at once (a write is not retried), or after the retries with an idempotencyKey', async () => {
    const limited = () => json({ error: 'slow down' }, 429);
    const once = scriptedFetch(limited());
    expect(await seed(clientWith(once))).toBe('A 429 status code was received; we should back off a bit.');
    expect(once.calls).toHaveLength(1);
    const keyed = scriptedFetch(limited(), limited(), json(job(1)));
    await expect(createJob(clientWith(keyed), CREATE, { idempotencyKey: 'ft-1' })).resolves.toEqual(job(1));
    expect(keyed.calls.map((c) => c.headers['idempotency-key'])).toEqual(['ft-1', 'ft-1', 'ft-1']);
  });

  it('another status is an APIError with the status', async () => {
    expect(await seed(clientWith(scriptedFetch(failure(400, 'SmarterValueError', 'training_file file-x not found'))))).toBe('Another non-200-range status code was received: 400');
    expect(await seed(clientWith(scriptedFetch(json({ detail: 'Method "POST" not allowed.' }, 405))))).toBe('Another non-200-range status code was received: 405');
  });
});

const ops: Record<string, (client: SmarterClient) => PromiseLike<unknown>> = {
  createJob: (client) => createJob(client, CREATE),
  listJobs: (client) => listJobs(client),
  retrieveJob: (client) => retrieveJob(client, { jobId: 'ftjob-1' }),
  cancelJob: (client) => cancelJob(client, { jobId: 'ftjob-1' }),
  listJobEvents: (client) => listJobEvents(client, { jobId: 'ftjob-1' }),
};

describeErrors(ops, 'FineTuningJob ftjob-1');

describe.each(Object.entries(ops))('%s: errors', (_, call) => {

  it('platform.smarter.sh today (no such route: an HTML 404) is a NotFoundError', async () => {
    const fetch = scriptedFetch(new Response('<html>Not Found</html>', { status: 404, statusText: 'Not Found' }));
    expect(await rejection(call(clientWith(fetch)))).toBeInstanceOf(NotFoundError);
  });
});

describe('a listing that fails on a later page', () => {
  it('rejects the iteration with the typed error, after the items it had', async () => {
    const fetch = scriptedFetch(json(listOf([job(2)], true)), failure(404, 'DoesNotExist', 'cursor not found'));
    const seen: string[] = [];
    const error = await rejection(
      (async () => {
        for await (const j of listJobs(clientWith(fetch))) seen.push(j.id);
      })(),
    );
    expect(seen).toEqual(['ftjob-2']);
    expect(error).toBeInstanceOf(NotFoundError);
  });
});
