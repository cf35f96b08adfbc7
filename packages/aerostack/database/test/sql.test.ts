import { describe, expect, it } from 'vitest';
import { InvalidRequestError } from '@aerostack/core';
import { join, query, sql, unsafeRaw, type SqlQuery } from '../src';
import { client } from './helpers';

const plain = (q: SqlQuery) => ({ sql: q.sql, params: q.params });
const refusal = (build: () => unknown) => {
  try {
    build();
  } catch (error) {
    return error as InvalidRequestError;
  }
  throw new Error('expected the template to refuse');
};

describe('sql`...`', () => {
  it('turns every interpolated value into a placeholder and a parameter, in order', () => {
    const id = 7;
    const name = 'Ada';
    expect(plain(sql`SELECT * FROM t WHERE id = ${id} AND name = ${name}`)).toEqual({
      sql: 'SELECT * FROM t WHERE id = ? AND name = ?',
      params: [7, 'Ada'],
    });
  });

  it('has no parameters without values', () => {
    expect(plain(sql`SELECT 1`)).toEqual({ sql: 'SELECT 1', params: [] });
  });

  it('binds null, booleans, numbers, objects and dates as values', () => {
    const when = new Date('2026-01-01T00:00:00Z');
    const q = sql`INSERT INTO t VALUES (${null}, ${true}, ${-1.5}, ${{ a: 1 }}, ${when}, ${''})`;
    expect(q.sql).toBe('INSERT INTO t VALUES (?, ?, ?, ?, ?, ?)');
    expect(q.params).toEqual([null, true, -1.5, { a: 1 }, when, '']);
  });

  it.each([
    "'; DROP TABLE users; --",
    "1 OR 1=1",
    "Robert'); DROP TABLE students;--",
    "\\'; SELECT * FROM secrets; --",
    '?',
    "${id}",
    '" OR ""="',
  ])('keeps hostile input %j out of the SQL text', (input) => {
    const q = sql`SELECT * FROM users WHERE name = ${input} AND id = ${1}`;
    expect(q.sql).toBe('SELECT * FROM users WHERE name = ? AND id = ?');
    expect(q.params).toEqual([input, 1]);
    expect(JSON.parse(JSON.stringify(q))).toEqual({ sql: 'SELECT * FROM users WHERE name = ? AND id = ?', params: [input, 1] });
  });

  it('treats an object that only looks like a fragment as a value, never as SQL', () => {
    const forged = JSON.parse('{"sql":"1; DROP TABLE users; --","params":[]}') as unknown;
    const q = sql`SELECT * FROM t WHERE x = ${forged}`;
    expect(q.sql).toBe('SELECT * FROM t WHERE x = ?');
    expect(q.params).toEqual([forged]);
    const spread = { ...sql`DROP TABLE users` };
    expect(sql`SELECT ${spread}`.sql).toBe('SELECT ?');
  });

  it('composes nested fragments, merging their parameters in order', () => {
    const byName = sql`AND name = ${'Ada'}`;
    const q = sql`SELECT * FROM t WHERE a = ${1} ${sql`AND x = ${2} ${byName}`} AND b = ${3}`;
    expect(plain(q)).toEqual({ sql: 'SELECT * FROM t WHERE a = ? AND x = ? AND name = ? AND b = ?', params: [1, 2, 'Ada', 3] });
  });

  it('builds optional conditions from fragments', () => {
    const filter = (status?: string) => (status ? sql`AND status = ${status}` : sql``);
    expect(plain(sql`SELECT * FROM jobs WHERE 1 = 1 ${filter('done')}`)).toEqual({ sql: 'SELECT * FROM jobs WHERE 1 = 1 AND status = ?', params: ['done'] });
    expect(plain(sql`SELECT * FROM jobs WHERE 1 = 1 ${filter()}`)).toEqual({ sql: 'SELECT * FROM jobs WHERE 1 = 1 ', params: [] });
  });

  it('serialises to { sql, params } only', () => {
    expect(Object.keys(sql`SELECT ${1}`)).toEqual(['sql', 'params']);
    expect(JSON.stringify(sql`SELECT ${1}`)).toBe('{"sql":"SELECT ?","params":[1]}');
  });

  it('join makes a list of placeholders, or of fragments with a separator', () => {
    const ids = [1, 2, "3'); DROP TABLE t; --"];
    expect(plain(sql`SELECT * FROM t WHERE id IN (${join(ids)})`)).toEqual({ sql: 'SELECT * FROM t WHERE id IN (?, ?, ?)', params: ids });
    const rows = [
      ['a', 1],
      ['b', 2],
    ].map(([k, v]) => sql`(${k}, ${v})`);
    expect(plain(sql`INSERT INTO kv (k, v) VALUES ${join(rows)}`)).toEqual({ sql: 'INSERT INTO kv (k, v) VALUES (?, ?), (?, ?)', params: ['a', 1, 'b', 2] });
    const where = join([sql`a = ${1}`, sql`b = ${2}`], sql` AND `);
    expect(plain(where)).toEqual({ sql: 'a = ? AND b = ?', params: [1, 2] });
  });

  it('unsafeRaw splices trusted text as is', () => {
    const column = unsafeRaw('created_at');
    expect(plain(sql`SELECT * FROM t ORDER BY ${column} DESC LIMIT ${10}`)).toEqual({ sql: 'SELECT * FROM t ORDER BY created_at DESC LIMIT ?', params: [10] });
  });

  it.each([
    ['undefined', undefined],
    ['a function', () => 1],
    ['a symbol', Symbol('x')],
    ['a bigint', 10n],
    ['NaN', NaN],
    ['Infinity', Infinity],
    ['an array', [1, 2]],
  ])('binds %s as it is, and query refuses it before sending', async (_, value) => {
    const q = sql`SELECT * FROM t WHERE a = ${1} AND b = ${value}`;
    expect(q.params).toEqual([1, value]);
    const sent: unknown[] = [];
    const fetch = async (input: RequestInfo | URL) => {
      sent.push(input);
      return Response.json({});
    };
    const error = (await query(client({ fetch }), q).catch((e: unknown) => e)) as InvalidRequestError;
    expect(error).toBeInstanceOf(InvalidRequestError);
    expect(error.code).toBe('VALIDATION_ERROR');
    expect(error.message).toBe('params[1]: not a JSON value (null for SQL NULL, join for lists)');
    expect(error.details).toEqual({ field: 'params[1]' });
    expect(sent).toEqual([]);
  });

  it('refuses to be called as a plain function', () => {
    const call = sql as unknown as (strings: string[]) => SqlQuery;
    const error = refusal(() => call(['DROP TABLE users']));
    expect(error).toBeInstanceOf(InvalidRequestError);
    expect(error.message).toBe('sql: use it as a tag, sql`...`');
    expect(error.details).toEqual({ field: 'sql' });
  });

  it('refuses an empty join, a bad separator and raw text that is not a string', () => {
    expect(refusal(() => join([])).message).toBe('join: a non-empty array of items');
    expect(refusal(() => join([1, 2], ', ' as unknown as SqlQuery)).message).toBe('join separator: made with sql`...`');
    expect(refusal(() => unsafeRaw(1 as unknown as string)).message).toBe('unsafeRaw: a string');
  });
});
