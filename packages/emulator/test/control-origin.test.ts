// The control routes and the auth outbox are for local tools only: a web page on another origin
// (a text/plain POST needs no preflight), a preflight, or a DNS-rebinding page (a foreign Host) is
// refused 403 with no CORS header, and nothing runs. The /v1 API keeps its CORS (cors.test.ts).
import { request } from 'node:http';
import { describe, expect, it } from 'vitest';
import { controlRefusal, hostName } from '../src/worker/control/guard';
import { projectId } from '../src/projects';
import { KEY_A, useEmulator } from './helpers/emulator';

const emu = useEmulator();
const FOREIGN = 'https://evil.example';
const root = () => emu.emulator.aerostackURL.replace(/\/v1$/, '');

const cacheGet = async (key: string) =>
  (await (await fetch(`${emu.emulator.aerostackURL}/cache/get`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-aerostack-key': KEY_A }, body: JSON.stringify({ key }) })).json()) as { value: unknown; exists: boolean };

/** A raw request with any Host header (fetch may not set one). */
function rawGet(path: string, host: string): Promise<{ status: number; body: string; cors: string | undefined }> {
  const url = new URL(root() + path);
  return new Promise((resolve, reject) => {
    const req = request({ host: url.hostname, port: url.port, path: url.pathname + url.search, method: 'GET', headers: { host, connection: 'close' } }, (res) => {
      let body = '';
      res.setEncoding('utf8').on('data', (d: string) => (body += d)).on('end', () => resolve({ status: res.statusCode ?? 0, body, cors: res.headers['access-control-allow-origin'] }));
    });
    req.on('error', reject).end();
  });
}

describe('control routes from a web page', () => {
  it('a text/plain POST /__emulator/reset from another origin is refused and wipes nothing', async () => {
    await fetch(`${emu.emulator.aerostackURL}/cache/set`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-aerostack-key': KEY_A }, body: JSON.stringify({ key: 'survives', value: 'kept' }) });
    for (const origin of [FOREIGN, 'http://127.0.0.1:5173', 'null']) {
      const response = await fetch(`${root()}/__emulator/reset`, { method: 'POST', headers: { origin, 'content-type': 'text/plain' }, body: '{}' });
      expect([response.status, response.headers.get('access-control-allow-origin')]).toEqual([403, null]);
      expect(await response.json()).toMatchObject({ code: 'FORBIDDEN' });
    }
    expect(await cacheGet('survives')).toMatchObject({ exists: true, value: 'kept' });
  });

  it('a preflight for a control route gets no CORS allowance', async () => {
    const response = await fetch(`${root()}/__emulator/faults`, { method: 'OPTIONS', headers: { origin: FOREIGN, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' } });
    expect(response.status).toBe(403);
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
    expect(response.headers.get('access-control-allow-methods')).toBeNull();
  });

  it('the OTP outbox cannot be read from another origin or a cross-site fetch', async () => {
    const url = `${root()}/api/v1/public/projects/${projectId(KEY_A)}/__emulator/outbox?email=a%40example.com`;
    for (const headers of [{ origin: FOREIGN }, { 'sec-fetch-site': 'cross-site' }] as Record<string, string>[]) {
      const response = await fetch(url, { headers });
      expect([response.status, response.headers.get('access-control-allow-origin')]).toEqual([403, null]);
    }
    // A local tool (no Origin) still reads it, and the public auth routes keep their CORS.
    expect((await fetch(url)).status).toBe(200);
    const login = await fetch(`${root()}/api/v1/public/projects/${projectId(KEY_A)}/auth/login`, { method: 'POST', headers: { origin: FOREIGN, 'content-type': 'application/json' }, body: '{}' });
    expect(login.headers.get('access-control-allow-origin')).toBe('*');
  });

  it('a foreign Host (DNS rebinding) is refused; loopback names and the own origin are served', async () => {
    const port = new URL(root()).port;
    for (const host of [`evil.example:${port}`, `127.0.0.1.evil.example:${port}`]) {
      expect(await rawGet('/__emulator/health', host)).toMatchObject({ status: 403, cors: undefined });
    }
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`]) expect((await rawGet('/__emulator/health', host)).status).toBe(200);
    const own = await fetch(`${root()}/__emulator/health`, { headers: { origin: root() } });
    expect(own.status).toBe(200);
  });
});

describe('controlRefusal', () => {
  it('accepts loopback hosts with no Origin or the own origin, and nothing else', () => {
    expect(hostName('[::1]:8787')).toBe('[::1]');
    expect(hostName('LOCALHOST:8787')).toBe('localhost');
    expect(controlRefusal({ host: '127.0.0.1:8787' })).toBeUndefined();
    expect(controlRefusal({ host: '[::1]:8787', origin: 'http://[::1]:8787', secFetchSite: 'same-origin' })).toBeUndefined();
    expect(controlRefusal({ host: '127.0.0.1:8787', origin: 'http://localhost:8787' })).toMatch(/Origin/);
    expect(controlRefusal({ host: 'attacker.test:8787' })).toMatch(/Host/);
    expect(controlRefusal({ host: '127.0.0.1:8787', secFetchSite: 'same-site' })).toMatch(/cross-site/);
  });
});
