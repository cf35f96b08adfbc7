// Read-modify-writes under concurrency: each must be atomic on the emulator's engines (the project's
// Durable Object for the cache, one conditional D1 statement for wallets, refresh tokens and claims).
import { register } from '@aerostack/auth';
import * as cache from '@aerostack/cache';
import { AerostackClient, post } from '@aerostack/core';
import { Gateway } from '@aerostack/gateway';
import { describe, expect, it } from 'vitest';
import { projectId } from '../src/projects';
import { client, KEY_A, useEmulator, writes } from './helpers/emulator';

const emu = useEmulator();
const host = () => emu.emulator.aerostackURL.replace(/\/v1$/, '');

describe('atomic read-modify-writes', () => {
  it('500 concurrent cache.increment of one key: final 500, and the answers are exactly 1..500', async () => {
    const c = client(emu);
    const answers = await Promise.all(Array.from({ length: 500 }, () => cache.increment(c, { key: 'hits' })));
    expect(answers.map((a) => a.value).sort((x, y) => x - y)).toEqual(Array.from({ length: 500 }, (_, i) => i + 1));
    expect(await cache.get(c, { key: 'hits' })).toEqual({ value: '500', exists: true });
  });

  it('concurrent increments with a negative amount and expire on the same key lose nothing', async () => {
    const c = client(emu);
    await cache.set(c, { key: 'stock', value: 1000 });
    await Promise.all([
      ...Array.from({ length: 100 }, () => cache.increment(c, { key: 'stock', amount: -3 })),
      ...Array.from({ length: 20 }, () => cache.expire(c, { key: 'stock', ttl: 3600 })),
    ]);
    expect(await cache.get(c, { key: 'stock' })).toEqual({ value: '700', exists: true });
  });

  it('a nearly empty wallet: concurrent completions are served only while the balance is above zero', async () => {
    const apiSlug = `atomic-${Date.now()}`;
    const consumerKey = emu.emulator.consumerKeys[KEY_A] ?? '';
    const health = (await (await fetch(`${host()}/__emulator/health`)).json()) as { consumers: { consumer: string; project: string }[] };
    const consumerId = health.consumers.find((p) => p.project === projectId(KEY_A))?.consumer ?? '';
    const gateway = new Gateway(client(emu, KEY_A, { maxRetries: 0 }), { apiSlug, consumerKey });
    // 10,000 - 9,990 = 10 credits; a completion of "hi" costs 4 tokens ("hi" + "You said: hi").
    await gateway.billingLog({ consumerId, apiId: apiSlug, units: 9_990 });
    const outcomes = await Promise.all(
      Array.from({ length: 20 }, () =>
        gateway.chatCompletions({ messages: [{ role: 'user', content: 'hi' }] }).then(
          () => 'served',
          (e: unknown) => (e as { code?: string }).code,
        ),
      ),
    );
    // 10 -> 6 -> 2 -> -2: three served, then the wallet is at or below zero.
    expect(outcomes.filter((o) => o === 'served')).toHaveLength(3);
    expect(outcomes.filter((o) => o === 'QUOTA_EXCEEDED')).toHaveLength(17);
    expect((await gateway.getWallet()).wallet.balance).toBe(-2);
  });

  it('one refresh token used by 50 concurrent refreshes: exactly one gets new tokens', async () => {
    const publicClient = new AerostackClient({ baseURL: emu.emulator.aerostackURL, logLevel: 'off', maxRetries: 0 });
    const project = projectId(KEY_A);
    const first = await register(publicClient, project, { email: `race.${Date.now()}@example.com`, password: 'Str0ngPass' });
    // Raw requests, all sent before any answer is read. A guard: the old read-then-revoke code passed
    // this too on a 2-core machine (each refresh ends before the next request arrives).
    const url = `${host()}/api/v1/public/projects/${project}/auth/refresh`;
    const answers = await Promise.all(
      Array.from({ length: 50 }, () => fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ refreshToken: first.refreshToken }) })),
    );
    const outcomes = await Promise.all(answers.map(async (r) => (r.ok ? 'renewed' : ((await r.json()) as { code?: string }).code)));
    expect(outcomes.filter((o) => o === 'renewed')).toHaveLength(1);
    expect(outcomes.filter((o) => o === 'AUTH_TOKEN_INVALID')).toHaveLength(49);
  });

  it('one Idempotency-Key sent 20 times at once: the increment runs once, every answer is its answer', async () => {
    // A guard: the claim was already one INSERT OR IGNORE.
    const c = client(emu);
    const before = (await writes(emu)).length;
    const answers = await Promise.all(
      Array.from({ length: 20 }, () => post<{ value: number }>(c, '/cache/increment', { key: 'once' }, { idempotencyKey: 'atomic-once' })),
    );
    expect(answers.map((a) => a.value)).toEqual(Array.from({ length: 20 }, () => 1));
    expect(await cache.get(c, { key: 'once' })).toEqual({ value: '1', exists: true });
    expect((await writes(emu)).length - before).toBe(1);
  });
});
