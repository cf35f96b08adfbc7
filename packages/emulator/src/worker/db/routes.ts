// /db/query and /db/batch on the project's own D1 database.
//
// batch: the real D1 batch is atomic (all or nothing). The API answers per statement
// (`{results, success, error?}`, partial failure allowed), so the emulator runs the statements one
// by one, in order: each succeeds or fails on its own, and a success is not undone by a later failure.
import { Hono } from 'hono';
import { Checker, nested, readBody } from '../body';
import type { AppEnv } from '../env';
import { queryFailed, runStatement, sqlError } from './run';

export const db = new Hono<AppEnv>();

db.post('/query', async (c) => {
  const check = new Checker(await readBody(c));
  const sql = check.string('sql', { required: true });
  const params = check.array('params') ?? [];
  check.done();
  try {
    const results = await runStatement(c.get('project').db, String(sql), params);
    return c.json({ results, count: results.length });
  } catch (error) {
    throw queryFailed(error);
  }
});

db.post('/batch', async (c) => {
  const check = new Checker(await readBody(c));
  const items = check.array('queries', { required: true, max: 25 }) ?? [];
  if (!items.length && !check.errors.queries) check.fail('queries', 'At least 1 statement');
  const queries = items.map((item, i) => {
    const q = nested(check, `queries[${i}]`, item);
    return { sql: q?.string('sql', { required: true }) ?? '', params: q?.array('params') ?? [] };
  });
  check.done();
  const { db: database } = c.get('project');
  const results = [];
  for (const q of queries) {
    try {
      results.push({ results: await runStatement(database, q.sql, q.params), success: true });
    } catch (error) {
      results.push({ results: [], success: false, error: sqlError(error) });
    }
  }
  return c.json({ results, success: results.every((r) => r.success) });
});
