import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { AuthenticationError, BadRequestError, InternalServerError, InvalidRequestError, RateLimitError, SDKError, type APIError } from '@aerostack/core';
import { batch, BatchStatementError, MAX_BATCH_STATEMENTS, sql } from '../src';
import { answer, client, expectPost } from './helpers';

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

const loose = (value: unknown): never => value as never;
const mixed = {
  results: [
    { results: [], success: true },
    { results: [], success: false, error: 'UNIQUE constraint failed: users.email' },
    { results: [{ n: 2 }], success: true },
    { results: [], success: false, error: 'no such table: x' },
  ],
  success: false,
};

describe('batch', () => {
  it('sends the statements in order and returns one result per statement', async () => {
    const reply = { results: [{ results: [], success: true }, { results: [{ id: 1 }], success: true }], success: true };
    const { seen } = answer('/db/batch', 200, reply);
    const result = await batch(client(), {
      queries: [sql`INSERT INTO users (name) VALUES (${'Ada'})`, { sql: 'SELECT id FROM users WHERE name = ?', params: ['Ada'] }, { sql: 'SELECT 1' }],
    });
    expect(result).toEqual(reply);
    expectPost(seen, '/db/batch', {
      queries: [
        { sql: 'INSERT INTO users (name) VALUES (?)', params: ['Ada'] },
        { sql: 'SELECT id FROM users WHERE name = ?', params: ['Ada'] },
        { sql: 'SELECT 1' },
      ],
    });
  });

  it('returns a partial failure as it is by default', async () => {
    answer('/db/batch', 200, mixed);
    const result = await batch(client(), { queries: [sql`A`, sql`B`, sql`C`, sql`D`] });
    expect(result).toEqual(mixed);
    expect(result.results.map((r) => r.success)).toEqual([true, false, true, false]);
  });

  it('throws a BatchStatementError naming the failed statements with throwOnError', async () => {
    answer('/db/batch', 200, mixed, { 'x-request-id': 'req_batch' });
    const error = (await batch(client(), { queries: [sql`A`, sql`B`, sql`C`, sql`D`] }, { throwOnError: true }).catch((e: unknown) => e)) as BatchStatementError;
    expect(error).toBeInstanceOf(BatchStatementError);
    expect(error).toBeInstanceOf(SDKError);
    expect(error.name).toBe('BatchStatementError');
    expect(error.failed).toEqual([1, 3]);
    expect(error.result).toEqual(mixed);
    expect(error.code).toBe('BATCH_STATEMENT_FAILED');
    expect(error.requestId).toBe('req_batch');
    expect(error.message).toBe('Batch failed: #1: UNIQUE constraint failed: users.email; #3: no such table: x');
    expect(error.details).toEqual({
      failed: [
        { index: 1, error: 'UNIQUE constraint failed: users.email' },
        { index: 3, error: 'no such table: x' },
      ],
    });
  });

  it('throws when the server says success: false without naming a statement', async () => {
    answer('/db/batch', 200, { results: [{ results: [], success: true }], success: false });
    const error = (await batch(client(), { queries: [sql`A`] }, { throwOnError: true }).catch((e: unknown) => e)) as BatchStatementError;
    expect(error).toBeInstanceOf(BatchStatementError);
    expect(error.failed).toEqual([]);
    expect(error.message).toBe('Batch failed: success: false, no statement named');
  });

  it('returns the result with throwOnError when every statement succeeded', async () => {
    const ok = { results: [{ results: [], success: true }], success: true };
    answer('/db/batch', 200, ok, { 'x-request-id': 'req_ok' });
    const { data, requestId } = await batch(client(), { queries: [sql`A`] }, { throwOnError: true }).withResponse();
    expect(data).toEqual(ok);
    expect(requestId).toBe('req_ok');
  });

  it('matches BatchStatementError by kind, as the core errors do (a second installed copy)', () => {
    class CopyOfBatchStatementError extends SDKError {
      static override readonly kind: string = 'BatchStatementError';
    }
    expect(new CopyOfBatchStatementError('from another copy') instanceof BatchStatementError).toBe(true);
    expect(new SDKError('x') instanceof BatchStatementError).toBe(false);
    expect(new Error('x') instanceof BatchStatementError).toBe(false);
  });

  const errors: [number, string, typeof APIError][] = [
    [400, 'VALIDATION_ERROR', BadRequestError],
    [401, 'AUTH_INVALID_KEY', AuthenticationError],
    [429, 'RATE_LIMIT_EXCEEDED', RateLimitError],
    [500, 'INTERNAL_ERROR', InternalServerError],
  ];
  it.each(errors)('raises %i as its class with code, message, details and request id', async (status, code, ErrorClass) => {
    answer('/db/batch', status, { code, message: 'Batch refused', details: { limit: 25 } }, { 'x-request-id': `req_${status}` });
    const error = (await batch(client({ maxRetries: 0 }), { queries: [sql`SELECT 1`] }, { throwOnError: true }).catch((e: unknown) => e)) as APIError;
    expect(error).toBeInstanceOf(ErrorClass);
    expect(error.status).toBe(status);
    expect(error.code).toBe(code);
    expect(error.message).toBe(`${status} ${code}: Batch refused`);
    expect(error.details).toEqual({ limit: 25 });
    expect(error.requestId).toBe(`req_${status}`);
  });

  it('accepts 25 statements', async () => {
    const { seen } = answer('/db/batch', 200, { results: [], success: true });
    await batch(client(), { queries: Array.from({ length: MAX_BATCH_STATEMENTS }, (_, i) => sql`SELECT ${i}`) });
    expect((seen[0]!.body as { queries: unknown[] }).queries).toHaveLength(25);
  });

  it.each([
    ['26 statements', () => ({ queries: Array.from({ length: 26 }, () => sql`SELECT 1`) }), 'queries', 'queries: 1 to 25 statements, got 26 (split larger batches)'],
    ['no statements', () => ({ queries: [] }), 'queries', 'queries: 1 to 25 statements, got 0 (split larger batches)'],
    ['queries missing', () => loose({}), 'queries', 'queries: 1 to 25 statements, got 0 (split larger batches)'],
    ['a bad parameter', () => ({ queries: [sql`SELECT 1`, { sql: 'SELECT ?', params: [NaN] }] }), 'queries[1].params[0]', 'queries[1].params[0]: not a JSON value (null for SQL NULL, join for lists)'],
    ['an undefined sql`...` value', () => ({ queries: [sql`SELECT ${undefined}`] }), 'queries[0].params[0]', 'queries[0].params[0]: not a JSON value (null for SQL NULL, join for lists)'],
  ])('refuses %s before sending', async (_, params, field, message) => {
    const sent: unknown[] = [];
    const fetch = async (input: RequestInfo | URL) => {
      sent.push(input);
      return Response.json({});
    };
    const error = (await batch(client({ fetch }), params()).catch((e: unknown) => e)) as InvalidRequestError;
    expect(error).toBeInstanceOf(InvalidRequestError);
    expect(error.code).toBe('VALIDATION_ERROR');
    expect(error.message).toBe(message);
    expect(error.details).toEqual({ field });
    expect(sent).toEqual([]);
  });

  it('leaves the shape of each statement to the server, whose 400 arrives as a BadRequestError', async () => {
    const { seen } = answer('/db/batch', 400, { code: 'VALIDATION_ERROR', message: 'Each query needs sql' });
    const error = (await batch(client({ maxRetries: 0 }), loose({ queries: [sql`SELECT 1`, 'DROP TABLE t', { params: [] }] })).catch((e: unknown) => e)) as BadRequestError;
    expect(error).toBeInstanceOf(BadRequestError);
    expect(error.code).toBe('VALIDATION_ERROR');
    expect(seen[0]!.body).toEqual({ queries: [{ sql: 'SELECT 1', params: [] }, 'DROP TABLE t', { params: [] }] });
  });
});
