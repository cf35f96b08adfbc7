import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, expectTypeOf, it } from 'vitest';
import { Database, sql, VERSION, BatchStatementError } from '../src';
import pkg from '../package.json';
import { answer, client, expectPost } from './helpers';

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

describe('Database', () => {
  it('queries with typed rows', async () => {
    const { seen } = answer('/db/query', 200, { results: [{ id: 1 }], count: 1 });
    const db = new Database(client());
    const { results } = await db.query<{ id: number }>(sql`SELECT id FROM t WHERE id = ${1}`, { headers: { 'X-Trace': 'q' } });
    expectTypeOf(results).toEqualTypeOf<{ id: number }[]>();
    expect(results).toEqual([{ id: 1 }]);
    expectPost(seen, '/db/query', { sql: 'SELECT id FROM t WHERE id = ?', params: [1] });
    expect(seen[0]!.headers['x-trace']).toBe('q');
  });

  it('batches, with throwOnError', async () => {
    const { seen } = answer('/db/batch', 200, { results: [{ results: [], success: false, error: 'boom' }], success: false });
    const db = new Database(client());
    await expect(db.batch({ queries: [sql`DELETE FROM t WHERE id = ${2}`] }, { throwOnError: true })).rejects.toBeInstanceOf(BatchStatementError);
    expectPost(seen, '/db/batch', { queries: [{ sql: 'DELETE FROM t WHERE id = ?', params: [2] }] });
  });

  it('keeps its client, and the package exports its version', () => {
    const c = client();
    expect(new Database(c).client).toBe(c);
    expect(VERSION).toBe(pkg.version);
  });
});
