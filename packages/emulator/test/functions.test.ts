// Custom functions (--functions <dir>): test/fixtures/functions, called through @aerostack/services.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { AuthenticationError, InternalServerError, NotFoundError } from '@aerostack/core';
import { call, Functions } from '@aerostack/services';
import { describe, expect, it } from 'vitest';
import { DEV_KEYS } from '../src/index';
import { client, KEY_B, useEmulator, writes } from './helpers/emulator';

const emu = useEmulator({ functions: fileURLToPath(new URL('fixtures/functions', import.meta.url)) });

interface Note {
  id: number;
  text: string;
}
interface Fixtures {
  notes: { params: { text: string } | { id: number; text?: string; suffix?: string } | { prefix?: string } | undefined; response: unknown };
  whoami: { response: { slug: string; projectId: string; method: string; calls: number; function: string | null; projectHeader: string | null; authorization: string | null; internal: string[] } };
}


describe('custom functions', () => {
  it('loads each module of the folder as the function of its file name', () => {
    expect(emu.emulator.functions).toEqual(['explode', 'notes', 'whoami']);
  });

  it("runs each method against the calling project's own database", async () => {
    const c = client(emu);
    const first = await call<Fixtures, 'notes'>(c, 'notes', { text: 'buy milk' });
    const second = await call(c, 'notes', { text: 'call Ada' }, { method: 'POST' });
    expect(first).toEqual({ id: 1, text: 'buy milk' });
    expect(second).toEqual({ id: 2, text: 'call Ada' });
    expect(await call(c, 'notes', { id: 1, text: 'buy oat milk' }, { method: 'PUT' })).toEqual({ done: 'PUT' });
    expect(await call(c, 'notes', { id: 2, suffix: ' back' }, { method: 'PATCH' })).toEqual({ done: 'PATCH' });
    const listed = (await call(c, 'notes', undefined, { method: 'GET' })) as { notes: Note[]; projectId: string };
    expect(listed.notes).toEqual([
      { id: 1, text: 'buy oat milk' },
      { id: 2, text: 'call Ada back' },
    ]);
    expect(listed.projectId).toMatch(/^proj_[0-9a-f]{16}$/);
    // GET's data arrives as the query.
    expect(await call(c, 'notes', { prefix: 'call' }, { method: 'GET' })).toMatchObject({ notes: [{ id: 2, text: 'call Ada back' }] });
    expect(await call(c, 'notes', { id: 1 }, { method: 'DELETE' })).toEqual({ done: 'DELETE' });
    // The rows are the project's own: the same table through /db/query, and nothing of it for project B.
    const rows = await import('@aerostack/database').then(({ query }) => query(c, { sql: 'SELECT id, text FROM notes ORDER BY id' }));
    expect(rows.results).toEqual([{ id: 2, text: 'call Ada back' }]);
    expect(await call(client(emu, KEY_B), 'notes', undefined, { method: 'GET' })).toMatchObject({ notes: [] });
    // Each call that wrote is in the write log once (the GETs are not).
    const routes = (await writes(emu)).map((w) => w.route).filter((r) => r === '/custom/notes');
    expect(routes).toHaveLength(5);
  });

  it('passes the §22 headers on, not the internal ones, and gives a { fetch } TypeScript module the cache', async () => {
    const functions = new Functions<Fixtures>(client(emu));
    const first = await functions.call('whoami', undefined, { projectId: 'my-project', auth: () => ({ authorization: 'Bearer user-jwt' }) });
    expect(first).toMatchObject({ slug: 'whoami', method: 'POST', calls: 1, function: 'whoami', projectHeader: 'my-project', authorization: 'Bearer user-jwt', internal: [] });
    expect((await functions.call('whoami')).calls).toBe(2);
  });

  it('a function that throws is a 500 with its message; the emulator stays up and the next call works', async () => {
    const error = (await call(client(emu, undefined, { maxRetries: 0 }), 'explode').catch((e: unknown) => e)) as InternalServerError;
    expect(error).toBeInstanceOf(InternalServerError);
    expect(error).toMatchObject({ status: 500, code: 'INTERNAL_ERROR' });
    expect(error.message).toBe('500 INTERNAL_ERROR: the invoice printer is on fire');
    expect(await call(client(emu), 'notes', { text: 'still here' })).toMatchObject({ text: 'still here' });
  });

  it('an unknown slug is the platform 404; a bad key is 401 before any function runs', async () => {
    const missing = (await call(client(emu), 'nope').catch((e: unknown) => e)) as NotFoundError;
    expect(missing).toBeInstanceOf(NotFoundError);
    expect(missing).toMatchObject({ status: 404, code: 'NOT_FOUND' });
    expect(missing.message).toBe('404 NOT_FOUND: No custom function "nope"');
    const refused = await call(client(emu, 'ac_secret_wrong'), 'notes', { text: 'x' }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(AuthenticationError);
    expect(refused).toMatchObject({ status: 401, code: 'AUTH_INVALID_KEY' });
  });

  it('a POST repeated with its idempotency key runs once', async () => {
    const c = client(emu);
    const runs = async () => (await writes(emu)).filter((w) => w.route === '/custom/notes' && w.idempotency_key === 'note-once').length;
    const inserts = async () => (await writes(emu)).filter((w) => w.route === '/db/query').length;
    const before = await inserts();
    const a = await call(c, 'notes', { text: 'once' }, { idempotencyKey: 'note-once' });
    const after = await inserts();
    const b = await call(c, 'notes', { text: 'once' }, { idempotencyKey: 'note-once' });
    expect(b).toEqual(a);
    expect(await runs()).toBe(1);
    // The function's own statements (CREATE TABLE IF NOT EXISTS, INSERT) ran for the first call only.
    expect(after - before).toBe(2);
    expect((await inserts()) - after).toBe(0);
  });

  it('a PATCH repeated with its idempotency key runs once too (the SDK keys every POST and PATCH)', async () => {
    const c = client(emu);
    const { id } = (await call(c, 'notes', { text: 'p' })) as Note;
    await call(c, 'notes', { id, suffix: '!' }, { method: 'PATCH', idempotencyKey: 'patch-once' });
    await call(c, 'notes', { id, suffix: '!' }, { method: 'PATCH', idempotencyKey: 'patch-once' });
    const listed = (await call(c, 'notes', { prefix: 'p' }, { method: 'GET' })) as { notes: Note[] };
    expect(listed.notes.find((n) => n.id === id)?.text).toBe('p!');
  });
});

describe('the CLI', () => {
  it('takes --functions, lists the slugs it loaded, and serves them', async () => {
    const bin = fileURLToPath(new URL('../bin/aerostack-emulator.js', import.meta.url));
    const dir = fileURLToPath(new URL('fixtures/functions', import.meta.url));
    const child = spawn(process.execPath, [bin, '--port', '0', '--smarter-port', '0', '--in-memory', '--functions', dir], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    try {
      // A hang guard (60 s), not a speed check.
      for (let i = 0; i < 600 && !out.includes('Press Ctrl+C') && child.exitCode === null; i++) await new Promise((resolve) => setTimeout(resolve, 100));
      expect(out).toMatch(/Functions\s+explode, notes, whoami from /);
      const url = /Aerostack API\s+(\S+)/.exec(out)?.[1] ?? '';
      const response = await fetch(`${url}/custom/notes`, { method: 'POST', headers: { 'x-aerostack-key': DEV_KEYS[0] ?? '', 'content-type': 'application/json' }, body: '{"text":"from the CLI"}' });
      expect(await response.json()).toEqual({ id: 1, text: 'from the CLI' });
    } finally {
      child.kill('SIGINT');
    }
    expect(await exited).toBe(0);
  });
});
