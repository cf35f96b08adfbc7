import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, expectTypeOf, it } from 'vitest';
import { AuthenticationError, BadRequestError, InternalServerError, InvalidRequestError, RateLimitError, type APIError } from '@aerostack/core';
import { query, sql, type QueryResult } from '../src';
import { answer, client, expectPost } from './helpers';

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

interface User {
  id: number;
  name: string;
}

const loose = (value: unknown): never => value as never;
const sent: unknown[] = [];
const recordingFetch = async (input: RequestInfo | URL): Promise<Response> => {
  sent.push(input);
  return Response.json({});
};

describe('query', () => {
  it('sends a sql`...` statement as { sql, params } and returns typed rows', async () => {
    const rows = [{ id: 1, name: 'Ada' }];
    const { seen } = answer('/db/query', 200, { results: rows, count: 1 });
    const id = 1;
    const result = await query<User>(client(), sql`SELECT id, name FROM users WHERE id = ${id}`);
    expectTypeOf(result).toEqualTypeOf<QueryResult<User>>();
    expectTypeOf(result.results).toEqualTypeOf<User[]>();
    expect(result).toEqual({ results: rows, count: 1 });
    expectPost(seen, '/db/query', { sql: 'SELECT id, name FROM users WHERE id = ?', params: [1] });
  });

  it('sends a plain { sql, params }, and { sql } alone', async () => {
    const first = answer('/db/query', 200, { results: [], count: 0 });
    await query(client(), { sql: 'UPDATE users SET name = ? WHERE id = ?', params: ['Bob', 2] });
    expectPost(first.seen, '/db/query', { sql: 'UPDATE users SET name = ? WHERE id = ?', params: ['Bob', 2] });

    const second = answer('/db/query', 200, { results: [{ n: 3 }], count: 1 });
    const { results } = await query(client(), { sql: 'SELECT count(*) AS n FROM users' });
    expect(results[0]).toEqual({ n: 3 });
    expectPost(second.seen, '/db/query', { sql: 'SELECT count(*) AS n FROM users' });
  });

  it('puts hostile input on the wire only as a parameter', async () => {
    const { seen } = answer('/db/query', 200, { results: [], count: 0 });
    const name = "'; DROP TABLE users; --";
    await query(client(), sql`SELECT * FROM users WHERE name = ${name}`);
    expectPost(seen, '/db/query', { sql: 'SELECT * FROM users WHERE name = ?', params: [name] });
  });

  it('sends headers such as X-Request-ID given per call', async () => {
    const { seen } = answer('/db/query', 200, { results: [], count: 0 }, { 'x-request-id': 'req_db' });
    const { requestId } = await query(client(), sql`SELECT 1`, { headers: { 'X-Request-ID': '2d9f1c1e-0000-4000-8000-000000000001' } }).withResponse();
    expect(seen[0]!.headers['x-request-id']).toBe('2d9f1c1e-0000-4000-8000-000000000001');
    expect(requestId).toBe('req_db');
  });

  const errors: [number, string, typeof APIError][] = [
    [400, 'VALIDATION_ERROR', BadRequestError],
    [401, 'AUTH_INVALID_KEY', AuthenticationError],
    [429, 'RATE_LIMIT_EXCEEDED', RateLimitError],
    [500, 'DB_QUERY_FAILED', InternalServerError],
  ];
  it.each(errors)('raises %i as its class with code, message, details and request id', async (status, code, ErrorClass) => {
    answer('/db/query', status, { code, message: 'no such table: userz', details: { sql: 'SELECT * FROM userz' } }, { 'x-request-id': `req_${status}` });
    const error = (await query(client({ maxRetries: 0 }), sql`SELECT * FROM userz`).catch((e: unknown) => e)) as APIError;
    expect(error).toBeInstanceOf(ErrorClass);
    expect(error.status).toBe(status);
    expect(error.code).toBe(code);
    expect(error.message).toBe(`${status} ${code}: no such table: userz`);
    expect(error.details).toEqual({ sql: 'SELECT * FROM userz' });
    expect(error.requestId).toBe(`req_${status}`);
  });

  it.each([
    ['a function param', () => ({ sql: 'SELECT ?', params: [() => 1] }), 'params[0]', 'params[0]: not a JSON value (null for SQL NULL, join for lists)'],
    ['a symbol param', () => ({ sql: 'SELECT ?, ?', params: [1, Symbol('s')] }), 'params[1]', 'params[1]: not a JSON value (null for SQL NULL, join for lists)'],
    ['an undefined param', () => ({ sql: 'SELECT ?', params: [undefined] }), 'params[0]', 'params[0]: not a JSON value (null for SQL NULL, join for lists)'],
    ['an array param', () => ({ sql: 'SELECT ?', params: [[1, 2]] }), 'params[0]', 'params[0]: not a JSON value (null for SQL NULL, join for lists)'],
  ])('refuses %s before sending', async (_, statement, field, message) => {
    const error = (await query(client({ fetch: recordingFetch }), statement()).catch((e: unknown) => e)) as InvalidRequestError;
    expect(error).toBeInstanceOf(InvalidRequestError);
    expect(error.code).toBe('VALIDATION_ERROR');
    expect(error.message).toBe(message);
    expect(error.details).toEqual({ field });
    expect(sent).toEqual([]);
  });

  it.each([
    ['sql not a string', { sql: 42 }],
    ['sql empty', { sql: '  ' }],
    ['params not an array', { sql: 'SELECT ?', params: 'x' }],
  ])('leaves %s to the server, whose 400 arrives as a BadRequestError', async (_, statement) => {
    const { seen } = answer('/db/query', 400, { code: 'VALIDATION_ERROR', message: 'sql is required' });
    const error = (await query(client({ maxRetries: 0 }), loose(statement)).catch((e: unknown) => e)) as BadRequestError;
    expect(error).toBeInstanceOf(BadRequestError);
    expect(error.code).toBe('VALIDATION_ERROR');
    expect(seen[0]!.body).toEqual(statement);
  });
});
