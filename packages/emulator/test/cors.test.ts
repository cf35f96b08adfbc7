// CORS on both ports, so that a page can use the SDKs against the emulator: preflights answered
// with 204 before anything else runs (no key needed), the allow-origin and expose headers on every
// answer to a request with an Origin (errors and faults included), and nothing changed for a
// request without one.
import { afterEach, describe, expect, it } from 'vitest';
import { allowedHeaders, CORS_ALLOW_HEADERS, CORS_EXPOSE_HEADERS } from '../src/worker/cors';
import { control, KEY_A } from './helpers/emulator';
import { SMARTER_KEY_A, useSmarter } from './helpers/smarter';

const emu = useSmarter();
const ORIGIN = 'http://127.0.0.1:5173';
const list = (value: string | null) => (value ?? '').split(',').map((h) => h.trim().toLowerCase()).filter(Boolean);

afterEach(async () => {
  await control(emu, 'DELETE', '/faults');
});

function preflight(url: string, method: string, requestHeaders: string): Promise<Response> {
  return fetch(url, {
    method: 'OPTIONS',
    headers: { origin: ORIGIN, 'access-control-request-method': method, 'access-control-request-headers': requestHeaders },
  });
}

describe('preflight', () => {
  it('Aerostack: 204 with the methods and every header the SDK sends, before auth and faults', async () => {
    await control(emu, 'POST', '/faults', { match: { path: '/cache/*' }, status: 503, times: 5 });
    const sent = 'content-type,idempotency-key,x-aerostack-key,x-request-id,x-retry-count,x-sdk-version';
    const response = await preflight(`${emu.emulator.aerostackURL}/cache/set`, 'POST', sent);
    expect(response.status).toBe(204);
    expect(await response.text()).toBe('');
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(list(response.headers.get('access-control-allow-methods'))).toEqual(expect.arrayContaining(['GET', 'POST', 'PUT', 'PATCH', 'DELETE'].map((m) => m.toLowerCase())));
    expect(list(response.headers.get('access-control-allow-headers'))).toEqual(expect.arrayContaining(sent.split(',')));
    // The fault rule was not used up by the preflight.
    expect((await control(emu, 'GET', '/faults')) as { faults: { times: number }[] }).toMatchObject({ faults: [{ times: 5 }] });
  });

  it('custom functions and collections: 204 for their methods and the headers §22 sends', async () => {
    const sent = 'authorization,content-type,x-aerostack-function,x-aerostack-key,x-project-id,x-request-id';
    for (const [path, method] of [['custom/send-invoice', 'PATCH'], ['collections/items/abc', 'PUT'], ['collections/orders/items', 'GET']] as const) {
      const response = await preflight(`${emu.emulator.aerostackURL}/${path}`, method, sent);
      expect(response.status).toBe(204);
      expect(list(response.headers.get('access-control-allow-methods'))).toContain(method.toLowerCase());
      expect(list(response.headers.get('access-control-allow-headers'))).toEqual(expect.arrayContaining(sent.split(',')));
    }
  });

  it('Smarter: 204 with authorization and the x-smarter-* headers asked for; other unknown headers are not allowed', async () => {
    const response = await preflight(`${emu.emulator.smarterURL}cli/whoami/`, 'POST', 'authorization, content-type, x-smarter-clientversion, x-smarter-trace, x-unknown');
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    const allowed = list(response.headers.get('access-control-allow-headers'));
    expect(allowed).toEqual(expect.arrayContaining(['authorization', 'content-type', 'x-smarter-clientversion', 'x-smarter-trace']));
    expect(allowed).not.toContain('x-unknown');
  });

  it('an OPTIONS that is not a preflight (no Access-Control-Request-Method) reaches the routes as before', async () => {
    const response = await fetch(`${emu.emulator.aerostackURL}/cache/get`, { method: 'OPTIONS', headers: { origin: ORIGIN, 'x-aerostack-key': KEY_A } });
    expect(response.status).toBe(404);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
  });
});

describe('responses to a request with an Origin', () => {
  const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(emu.emulator.aerostackURL + path, {
      method: 'POST',
      headers: { origin: ORIGIN, 'content-type': 'application/json', 'x-aerostack-key': KEY_A, ...headers },
      body: JSON.stringify(body),
    });

  const expectCors = (response: Response) => {
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(list(response.headers.get('access-control-expose-headers'))).toEqual(expect.arrayContaining(['x-request-id', 'retry-after', 'retry-after-ms', 'idempotent-replayed', 'content-type', 'content-length', 'etag']));
  };

  it('a success, an error, a fault and a replay carry allow-origin and expose the headers the SDK reads', async () => {
    const ok = await post('/cache/set', { key: 'cors', value: 1 }, { 'idempotency-key': 'cors-1' });
    expect(ok.status).toBe(200);
    expectCors(ok);
    expect(ok.headers.get('x-request-id')).toBeTruthy();
    const replay = await post('/cache/set', { key: 'cors', value: 1 }, { 'idempotency-key': 'cors-1' });
    expectCors(replay);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');

    const denied = await post('/cache/get', { key: 'cors' }, { 'x-aerostack-key': 'ac_secret_wrong' });
    expect(denied.status).toBe(401);
    expectCors(denied);

    const faulted = await post('/cache/get', { key: 'cors' }, { 'x-emulator-fault': 'status=503;retry-after=1' });
    expect(faulted.status).toBe(503);
    expect(faulted.headers.get('retry-after')).toBe('1');
    expectCors(faulted);

    const missing = await post('/nope', {});
    expect(missing.status).toBe(404);
    expectCors(missing);
  });

  it('Smarter answers too, its 403 included', async () => {
    for (const key of [SMARTER_KEY_A, 'nope']) {
      const response = await fetch(`${emu.emulator.smarterURL}cli/whoami/`, { method: 'POST', headers: { origin: ORIGIN, authorization: `Token ${key}` } });
      expect(response.status).toBe(key === 'nope' ? 403 : 200);
      expectCors(response);
      await response.body?.cancel();
    }
  });

  it('a request without an Origin gets no CORS header (what server-side callers see is unchanged)', async () => {
    const response = await fetch(`${emu.emulator.aerostackURL}/cache/get`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-aerostack-key': KEY_A },
      body: '{"key":"cors"}',
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
    expect(response.headers.get('access-control-expose-headers')).toBeNull();
  });
});

describe('allowedHeaders', () => {
  it('is the SDK list plus the x-smarter-* headers asked for, each once, lower-cased', () => {
    expect(allowedHeaders(undefined)).toBe(CORS_ALLOW_HEADERS.join(', '));
    expect(allowedHeaders('X-Smarter-A, x-smarter-a,x-smarter-clientversion, x-other')).toBe([...CORS_ALLOW_HEADERS, 'x-smarter-a'].join(', '));
    expect(CORS_EXPOSE_HEADERS).toContain('x-request-id');
  });
});
