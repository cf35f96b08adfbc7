// @aerostack/database against the emulator (D1), services, auth, validation and project isolation.
import * as cache from '@aerostack/cache';
import { AuthenticationError, BadRequestError, InternalServerError, post, request } from '@aerostack/core';
import { batch, query, sql } from '@aerostack/database';
import { describe, expect, it } from 'vitest';
import { client, KEY_A, KEY_B, rawPost, useEmulator } from './helpers/emulator';
import { checkError, checkResult } from './helpers/openapi';

const emu = useEmulator();

interface User {
  id: number;
  email: string;
  name: string | null;
}

describe('database', () => {
  it('creates a table (DDL allowed here), inserts with the sql template, reads typed rows', async () => {
    const c = client(emu);
    await query(c, sql`CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT NOT NULL UNIQUE, name TEXT)`);
    const hostile = "'); DROP TABLE users; --";
    const inserted = await query<User>(c, sql`INSERT INTO users (email, name) VALUES (${'ada@example.com'}, ${hostile}) RETURNING id, email, name`);
    expect(inserted).toEqual({ results: [{ id: 1, email: 'ada@example.com', name: hostile }], count: 1 });
    await query(c, sql`INSERT INTO users (email, name) VALUES (${'bob@example.com'}, ${null})`);
    const { results, count } = await query<User>(c, sql`SELECT id, email, name FROM users WHERE name = ${hostile} OR name IS NULL ORDER BY id`);
    expect(count).toBe(2);
    const names: (string | null)[] = results.map((u) => u.name);
    expect(names).toEqual([hostile, null]);
  });

  it('a SQL error is 400 DB_QUERY_FAILED with the engine\'s message', async () => {
    const error: unknown = await query(client(emu), sql`SELECT * FROM userz`, { headers: { 'X-Request-ID': 'req-userz' } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BadRequestError);
    expect(error).toMatchObject({ status: 400, code: 'DB_QUERY_FAILED', requestId: 'req-userz' });
    expect((error as Error).message).toContain('no such table: userz');
  });

  it('batch: statements run in order, a failure is reported on its own entry, success only if all succeeded', async () => {
    const c = client(emu);
    const result = await batch(c, {
      queries: [
        sql`INSERT INTO users (email) VALUES (${'cy@example.com'})`,
        sql`INSERT INTO users (email) VALUES (${null})`,
        sql`SELECT count(*) AS n FROM users`,
      ],
    });
    expect(result.success).toBe(false);
    expect(result.results.map((r) => r.success)).toEqual([true, false, true]);
    expect(result.results[1]?.error).toContain('NOT NULL constraint failed');
    expect(result.results[2]?.results).toEqual([{ n: 3 }]);
    const ok = await batch(c, { queries: [sql`SELECT 1 AS one`] });
    expect(ok).toEqual({ results: [{ results: [{ one: 1 }], success: true }], success: true });
  });
});

describe('services', () => {
  it('invoke: a deterministic echo of the input', async () => {
    const body = await post(client(emu), '/services/invoke', { serviceName: 'billing-webhook', data: { amount: 5 } });
    expect(checkResult('servicesInvoke', body)).toEqual({ success: true, result: { echo: { amount: 5 }, serviceName: 'billing-webhook' } });
  });
});

describe('auth and projects', () => {
  it('a wrong or missing key is AuthenticationError AUTH_INVALID_KEY', async () => {
    const wrong = client(emu, 'ac_secret_not_a_dev_key');
    await expect(cache.get(wrong, { key: 'a' })).rejects.toSatisfy((e) => e instanceof AuthenticationError && e.code === 'AUTH_INVALID_KEY' && e.status === 401);
    const missing = await fetch(`${emu.emulator.aerostackURL}/cache/get`, { method: 'POST', body: '{"key":"a"}' });
    expect(missing.status).toBe(401);
    expect(checkError(await missing.json())).toEqual({ code: 'AUTH_INVALID_KEY', message: 'Invalid or missing API key' });
  });

  it('the X-API-Key header is accepted too', async () => {
    const c = client(emu, KEY_A, { auth: { header: 'x-api-key' }, hooks: { beforeRequest: (r) => { expect(r.headers['x-aerostack-key']).toBeUndefined(); } } });
    expect((await cache.get(c, { key: 'nope' })).exists).toBe(false);
    const { status } = await rawPost(emu, '/cache/get', '{"key":"a"}', { 'x-aerostack-key': '', 'x-api-key': KEY_B });
    expect(status).toBe(200);
  });

  it("one key's cache and tables are invisible to another", async () => {
    const a = client(emu);
    const b = client(emu, KEY_B);
    await cache.set(a, { key: 'secret', value: 'A only' });
    expect(await cache.get(b, { key: 'secret' })).toEqual({ value: null, exists: false });
    expect((await cache.keys(b)).keys).not.toContain('secret');
    await expect(query(b, sql`SELECT * FROM users`)).rejects.toMatchObject({ code: 'DB_QUERY_FAILED' });
    const tables = await query<{ name: string }>(b, sql`SELECT name FROM sqlite_master WHERE type = 'table'`);
    expect(tables.results.map((t) => t.name)).not.toContain('users');
    // B may create a table of the same name: its own database.
    await query(b, sql`CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT)`);
    expect((await query(b, sql`SELECT * FROM users`)).count).toBe(0);
    expect((await query(a, sql`SELECT * FROM users`)).count).toBe(3);
  });
});

describe('validation and errors', () => {
  const expectValidation = async (path: string, body: string, field: string) => {
    const { status, json } = await rawPost(emu, path, body);
    expect(status).toBe(400);
    const error = checkError(json);
    expect(error.code).toBe('VALIDATION_ERROR');
    expect(Object.keys((error.details as { fieldErrors: Record<string, string[]> }).fieldErrors)).toContain(field);
  };

  it('bad bodies are 400 VALIDATION_ERROR with details.fieldErrors', async () => {
    await expectValidation('/cache/get', 'not json', 'body');
    await expectValidation('/cache/get', '[1]', 'body');
    await expectValidation('/cache/get', '{}', 'key');
    await expectValidation('/cache/set', '{"key":"a"}', 'value');
    await expectValidation('/cache/set', '{"key":"a","value":1,"ttl":"1"}', 'ttl');
    await expectValidation('/cache/getMany', JSON.stringify({ keys: Array.from({ length: 101 }, (_, i) => `k${i}`) }), 'keys');
    await expectValidation('/cache/setMany', JSON.stringify({ entries: Array.from({ length: 101 }, (_, i) => ({ key: `k${i}`, value: i })) }), 'entries');
    await expectValidation('/cache/setMany', '{"entries":[{"key":"a"}]}', 'entries[0].value');
    await expectValidation('/cache/deleteMany', JSON.stringify({ keys: Array.from({ length: 501 }, (_, i) => `k${i}`) }), 'keys');
    await expectValidation('/cache/list', '{"limit":1001}', 'limit');
    await expectValidation('/cache/increment', '{"key":"a","amount":1.5}', 'amount');
    await expectValidation('/db/query', '{"sql":""}', 'sql');
    await expectValidation('/db/query', '{"sql":"SELECT ?","params":"x"}', 'params');
    await expectValidation('/db/batch', JSON.stringify({ queries: Array.from({ length: 26 }, () => ({ sql: 'SELECT 1' })) }), 'queries');
    await expectValidation('/services/invoke', '{"serviceName":"x"}', 'data');
  });

  it('the SDK sees a raw bad body as BadRequestError VALIDATION_ERROR', async () => {
    const c = client(emu);
    const error: unknown = await request(c, { method: 'POST', path: '/cache/get', rawBody: '{"key":', contentType: 'application/json' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BadRequestError);
    expect(error).toMatchObject({ code: 'VALIDATION_ERROR', details: { fieldErrors: { body: ['Invalid JSON'] } } });
  });

  it('an unknown route is 404 NOT_FOUND in JSON', async () => {
    const { status, json } = await rawPost(emu, '/cache/nope', '{}');
    expect(status).toBe(404);
    expect(checkError(json).code).toBe('NOT_FOUND');
  });

  it('an engine failure is 500 INTERNAL_ERROR, with no stack trace in the body', async () => {
    // D1 refuses a value over 2 MB (SQLITE_TOOBIG); search ingest does not check that itself.
    const error: unknown = await post(client(emu, undefined, { maxRetries: 0 }), '/ai/search/ingest', { content: 'x'.repeat(3_000_000), type: 'doc' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InternalServerError);
    expect(error).toMatchObject({ status: 500, code: 'INTERNAL_ERROR', body: '{"code":"INTERNAL_ERROR","message":"Internal server error"}' });
  });
});
