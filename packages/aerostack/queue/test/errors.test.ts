import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { BadRequestError, InvalidRequestError, type Client } from '@aerostack/core';
import * as queue from '../src';
import { answer, client, describeAPIErrors } from './helpers';

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

const calls: [string, (c: Client) => PromiseLike<unknown>][] = [
  ['/queue/enqueue', (c) => queue.enqueue(c, { type: 'a', data: {} })],
  ['/queue/job', (c) => queue.getJob(c, { jobId: 'j' })],
  ['/queue/jobs', (c) => queue.listJobs(c)],
  ['/queue/cancel', (c) => queue.cancel(c, { jobId: 'j' })],
];

describeAPIErrors(calls, () => ({ field: 'type' }));

const loose = (value: unknown): never => value as never;
const sent: unknown[] = [];
const recordingFetch = async (input: RequestInfo | URL): Promise<Response> => {
  sent.push(input);
  return Response.json({});
};

const invalid: [string, (c: Client) => PromiseLike<unknown>, string, string][] = [
  ['enqueue: empty type', (c) => queue.enqueue(c, { type: '', data: {} }), 'type', 'type: a non-empty string'],
  ['enqueue: type not a string', (c) => queue.enqueue(c, loose({ type: 7, data: {} })), 'type', 'type: a non-empty string'],
  ['enqueue: data missing', (c) => queue.enqueue(c, loose({ type: 'a' })), 'data', 'data: a JSON value (null for none)'],
  ['enqueue: negative delay', (c) => queue.enqueue(c, { type: 'a', data: 1, delay: -1 }), 'delay', 'delay: a non-negative integer (seconds)'],
  ['enqueue: fractional delay', (c) => queue.enqueue(c, { type: 'a', data: 1, delay: 1.5 }), 'delay', 'delay: a non-negative integer (seconds)'],
  ['enqueue: delay in a string', (c) => queue.enqueue(c, loose({ type: 'a', data: 1, delay: '10' })), 'delay', 'delay: a non-negative integer (seconds)'],
  ['getJob: empty id', (c) => queue.getJob(c, { jobId: '' }), 'jobId', 'jobId: a non-empty string'],
  ['cancel: id missing', (c) => queue.cancel(c, loose({})), 'jobId', 'jobId: a non-empty string'],
  ['listJobs: empty type', (c) => queue.listJobs(c, { type: '' }), 'type', 'type: a non-empty string'],
  ['listJobs: limit 201', (c) => queue.listJobs(c, { limit: 201 }), 'limit', 'limit: an integer from 1 to 200'],
  ['listJobs: limit 0', (c) => queue.listJobs(c, { limit: 0 }), 'limit', 'limit: an integer from 1 to 200'],
];

describe('bad input is refused before sending', () => {
  afterEach(() => {
    sent.length = 0;
  });

  it.each(invalid)('%s', async (_, call, field, message) => {
    const error = (await Promise.resolve(call(client({ fetch: recordingFetch }))).catch((e: unknown) => e)) as InvalidRequestError;
    expect(error).toBeInstanceOf(InvalidRequestError);
    expect(error.code).toBe('VALIDATION_ERROR');
    expect(error.message).toBe(message);
    expect(error.details).toEqual({ field });
    expect(sent).toEqual([]);
  });

  it('leaves an unknown status to the server, whose 400 arrives as a BadRequestError', async () => {
    const { seen } = answer('/queue/jobs', 400, { code: 'VALIDATION_ERROR', message: 'Invalid status' });
    const error = (await Promise.resolve(queue.listJobs(client({ maxRetries: 0 }), loose({ status: 'done' }))).catch((e: unknown) => e)) as BadRequestError;
    expect(error).toBeInstanceOf(BadRequestError);
    expect(error.code).toBe('VALIDATION_ERROR');
    expect(seen[0]!.body).toEqual({ status: 'done' });
  });

  it('accepts the edges: delay 0, limit 1 and 200, every status', async () => {
    nock('https://api.aerostack.dev')
      .post('/v1/queue/enqueue').reply(201, { jobId: 'j', success: true })
      .post('/v1/queue/jobs').times(7).reply(200, { jobs: [], list_complete: true });
    await queue.enqueue(client(), { type: 'a', data: null, delay: 0 });
    await queue.listJobs(client(), { limit: 1 });
    await queue.listJobs(client(), { limit: 200 });
    for (const status of queue.JOB_STATUSES) await queue.listJobs(client(), { status });
    expect(nock.isDone()).toBe(true);
  });
});
