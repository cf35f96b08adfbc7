// Idempotency keys and fault injection, seen through the SDK's retry policy; the control routes.
import * as cache from '@aerostack/cache';
import { APIConnectionTimeoutError, InternalServerError } from '@aerostack/core';
import { query, sql } from '@aerostack/database';
import { afterEach, describe, expect, it } from 'vitest';
import { SmarterClient } from '@smarter/core';
import { whoami } from '@smarter/resources';
import { SMARTER_DEV_KEYS } from '../src/index';
import { client, control, rawPost, useEmulator, writes } from './helpers/emulator';
import { checkResponse } from './helpers/openapi';
import { checkError, checkResult } from './helpers/openapi';

const emu = useEmulator();
const fault = (rule: Record<string, unknown>) => control(emu, 'POST', '/faults', rule);
const fast = { retry: { initialDelay: 50 } };

afterEach(async () => {
  await control(emu, 'DELETE', '/faults');
});

describe('idempotency', () => {
  it('the same Idempotency-Key twice: one write, the second answer replayed', async () => {
    const headers = { 'idempotency-key': 'incr-once' };
    const first = await rawPost(emu, '/cache/increment', '{"key":"counter"}', headers);
    const second = await rawPost(emu, '/cache/increment', '{"key":"counter"}', headers);
    expect(checkResult('cacheIncrement', first.json)).toEqual({ value: 1 });
    expect(second.json).toEqual({ value: 1 });
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    expect(second.headers.get('idempotent-replayed')).toBe('true');
    expect(await cache.get(client(emu), { key: 'counter' })).toEqual({ value: '1', exists: true });
    expect((await writes(emu)).filter((w) => w.idempotency_key === 'incr-once')).toHaveLength(1);
  });

  it('through the SDK: a repeated call with the same key does not add again; a new key does', async () => {
    const c = client(emu);
    expect(await cache.increment(c, { key: 'sdk-counter' }, { idempotencyKey: 'sdk-1' })).toEqual({ value: 1 });
    expect(await cache.increment(c, { key: 'sdk-counter' }, { idempotencyKey: 'sdk-1' })).toEqual({ value: 1 });
    expect(await cache.increment(c, { key: 'sdk-counter' })).toEqual({ value: 2 });
  });

  it('a key reused on another route is refused', async () => {
    await rawPost(emu, '/cache/set', '{"key":"x","value":1}', { 'idempotency-key': 'reused' });
    const { status, json } = await rawPost(emu, '/cache/delete', '{"key":"x"}', { 'idempotency-key': 'reused' });
    expect(status).toBe(400);
    expect(checkError(json).code).toBe('VALIDATION_ERROR');
  });
});

describe('faults', () => {
  it('429 with Retry-After: 1, then success: the client waits at least 1 s and retries', async () => {
    await fault({ match: { method: 'POST', path: '/cache/set' }, times: 1, status: 429, retryAfter: 1 });
    const started = Date.now();
    expect(await cache.set(client(emu), { key: 'after-429', value: 'ok' })).toEqual({ success: true });
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    expect((await writes(emu)).filter((w) => w.route === '/cache/set')).toHaveLength(2); // 'x' above and this one
  });

  it('503 twice, then success (the faulted attempts run nothing)', async () => {
    await fault({ match: { path: '/v1/db/*' }, times: 2, status: 503 });
    const before = (await writes(emu)).length;
    const result = await query(client(emu, undefined, fast), sql`SELECT ${42} AS answer`);
    expect(result).toEqual({ results: [{ answer: 42 }], count: 1 });
    expect((await writes(emu)).length).toBe(before + 1);
    expect(await control(emu, 'GET', '/faults')).toEqual({ faults: [] });
  });

  it('a faulted write does nothing', async () => {
    await fault({ match: { path: '/cache/set' }, times: 1, status: 500 });
    const error: unknown = await cache.set(client(emu, undefined, { maxRetries: 0 }), { key: 'never', value: 1 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InternalServerError);
    expect(error).toMatchObject({ code: 'INTERNAL_ERROR' });
    expect((await cache.get(client(emu), { key: 'never' })).exists).toBe(false);
  });

  it('a dropped connection on a POST with an idempotency key: retried, written once', async () => {
    await fault({ match: { method: 'POST', path: '/cache/increment' }, times: 1, drop: true });
    const c = client(emu, undefined, fast);
    const seen: number[] = [];
    const counted = client(emu, undefined, { ...fast, hooks: { beforeRequest: (r) => void seen.push(r.attempt) } });
    expect(await cache.increment(counted, { key: 'dropped' }, { idempotencyKey: 'drop-1' })).toEqual({ value: 1 });
    expect(seen).toEqual([0, 1]);
    expect(await cache.get(c, { key: 'dropped' })).toEqual({ value: '1', exists: true });
    expect((await writes(emu)).filter((w) => w.idempotency_key === 'drop-1')).toHaveLength(1);
  });

  it('latency 1500 ms against a 500 ms client timeout: APIConnectionTimeoutError', async () => {
    await fault({ match: { path: '/cache/get' }, times: 1, latencyMs: 1500 });
    const c = client(emu, undefined, { timeout: 500, maxRetries: 0 });
    await expect(cache.get(c, { key: 'slow' })).rejects.toBeInstanceOf(APIConnectionTimeoutError);
  });

  it('a one-off x-emulator-fault header', async () => {
    const { status, headers, json } = await rawPost(emu, '/cache/get', '{"key":"a"}', { 'x-emulator-fault': 'status=503;retry-after=1' });
    expect(status).toBe(503);
    expect(headers.get('retry-after')).toBe('1');
    expect(checkError(json).code).toBe('INTERNAL_ERROR');
    const limited = await rawPost(emu, '/cache/get', '{"key":"a"}', { 'x-emulator-fault': 'status=429;retry-after-ms=200' });
    expect([limited.status, checkError(limited.json).code, limited.headers.get('retry-after-ms')]).toEqual([429, 'RATE_LIMIT_EXCEEDED', '200']);
  });

  it('bad fault rules are refused', async () => {
    const response = await fetch(`${emu.emulator.aerostackURL.replace(/\/v1$/, '')}/__emulator/faults`, { method: 'POST', body: '{"times":0}' });
    expect(response.status).toBe(400);
    expect(checkError(await response.json()).details).toMatchObject({ fieldErrors: { times: ['Must be at least 1'], status: ['Give status, latencyMs or drop'] } });
  });
});

describe('control', () => {
  it('health, then reset wipes every project, Smarter accounts included', async () => {
    expect(await control(emu, 'GET', '/health')).toMatchObject({ ok: true, projects: [expect.any(String), expect.any(String)] });
    const c = client(emu);
    await query(c, sql`CREATE TABLE t (a)`);
    const smarterFiles = `${emu.emulator.smarterURL}files/`;
    const token = { authorization: `Token ${SMARTER_DEV_KEYS[0] ?? ''}` };
    const form = new FormData();
    form.set('purpose', 'fine-tune');
    form.set('file', new Blob(['{}\n']), 'x.jsonl');
    const uploaded = (await (await fetch(smarterFiles, { method: 'POST', headers: token, body: form })).json()) as { id: string };
    const listed = async () => ((await (await fetch(smarterFiles, { headers: token })).json()) as { data: unknown[] }).data.length;
    expect(await listed()).toBe(1);
    await control(emu, 'POST', '/reset');
    expect(await listed()).toBe(0);
    expect((await fetch(`${smarterFiles}${uploaded.id}/content/`, { headers: token })).status).toBe(404);
    expect(await cache.keys(c)).toEqual({ keys: [], truncated: false });
    await expect(query(c, sql`SELECT * FROM t`)).rejects.toMatchObject({ code: 'DB_QUERY_FAILED' });
    expect(await writes(emu)).toEqual([]);
  });

  it('fault rules set here apply to Smarter paths too: a 503 in its envelope, then the real answer (the SDK retries the read)', async () => {
    const url = `${emu.emulator.smarterURL}cli/whoami/`;
    const headers = { authorization: `Token ${SMARTER_DEV_KEYS[0] ?? ''}`, 'x-emulator-generation': 'v0.13' };
    await fault({ match: { method: 'POST', path: '/api/v1/cli/whoami/' }, times: 1, status: 503, retryAfter: 1 });
    const faulted = await fetch(url, { method: 'POST', headers });
    expect([faulted.status, faulted.headers.get('retry-after')]).toEqual([503, '1']);
    const body = (await faulted.json()) as { error: { status: unknown; errorClass: string } };
    checkResponse('POST', '/api/v1/cli/whoami/', 503, body, 'smarter');
    expect(body.error).toMatchObject({ status: '503', errorClass: 'SmarterEmulatorInjectedFault' });
    const real = await fetch(url, { method: 'POST', headers });
    const answer = (await real.json()) as { data: { environment: string } };
    checkResponse('POST', '/api/v1/cli/whoami/', real.status, answer, 'smarter');
    expect(answer.data.environment).toBe('local');

    await fault({ match: { path: '/api/v1/cli/*' }, times: 1, status: 500 });
    const sdk = new SmarterClient({ apiKey: SMARTER_DEV_KEYS[0], baseURL: emu.emulator.smarterURL, logLevel: 'off', retry: { initialDelay: 50 } });
    expect((await whoami(sdk)).environment).toBe('local');
    const oneOff = await fetch(url, { method: 'POST', headers: { ...headers, 'x-emulator-fault': 'status=502' } });
    expect(oneOff.status).toBe(502);
  });
});
