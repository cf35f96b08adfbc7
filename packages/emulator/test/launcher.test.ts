// The launcher and the CLI: persistence in a data directory, ports, clean stop on SIGINT.
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as cache from '@aerostack/cache';
import { AerostackClient } from '@aerostack/core';
import { query, sql } from '@aerostack/database';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEV_KEYS, startEmulator } from '../src/index';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'aerostack-emulator-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('launcher', () => {
  it('persists D1 and KV in dataDir across restarts, each key keeping its own data even in another order', async () => {
    const [a, b] = ['ac_secret_persist_a', 'ac_secret_persist_b'];
    const first = await startEmulator({ aerostackPort: 0, smarterPort: 0, dataDir: dir, keys: [a, b] });
    const clientOf = (url: string, apiKey: string) => new AerostackClient({ apiKey, baseURL: url, logLevel: 'off' });
    await cache.set(clientOf(first.aerostackURL, a), { key: 'kept', value: 'A', ttl: 3600 });
    await query(clientOf(first.aerostackURL, a), sql`CREATE TABLE notes (body TEXT)`);
    await query(clientOf(first.aerostackURL, a), sql`INSERT INTO notes VALUES (${'from A'})`);
    await first.stop();

    const second = await startEmulator({ aerostackPort: 0, smarterPort: 0, dataDir: dir, keys: [b, a] });
    try {
      expect(second.dataDir).toBe(dir);
      expect(await cache.get(clientOf(second.aerostackURL, a), { key: 'kept' })).toEqual({ value: 'A', exists: true });
      expect((await query(clientOf(second.aerostackURL, a), sql`SELECT body FROM notes`)).results).toEqual([{ body: 'from A' }]);
      await expect(query(clientOf(second.aerostackURL, b), sql`SELECT body FROM notes`)).rejects.toMatchObject({ code: 'DB_QUERY_FAILED' });
    } finally {
      await second.stop();
    }
  });

  it('the CLI prints the URLs and the accepted keys, and stops cleanly on SIGINT', async () => {
    const bin = fileURLToPath(new URL('../bin/aerostack-emulator.js', import.meta.url));
    const child = spawn(process.execPath, [bin, '--port', '0', '--smarter-port', '0', '--in-memory'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    for (let i = 0; i < 100 && !out.includes('Press Ctrl+C'); i++) await new Promise((resolve) => setTimeout(resolve, 100));
    const url = /Aerostack API\s+(\S+)/.exec(out)?.[1] ?? '';
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v1$/);
    expect(out).toMatch(/Smarter API\s+http:\/\/127\.0\.0\.1:\d+\/api\/v1\//);
    for (const key of DEV_KEYS) expect(out).toContain(key);
    const response = await fetch(`${url}/cache/get`, { method: 'POST', headers: { 'x-aerostack-key': DEV_KEYS[0] ?? '' }, body: '{"key":"a"}' });
    expect(await response.json()).toEqual({ value: null, exists: false });
    child.kill('SIGINT');
    expect(await exited).toBe(0);
  });
});
