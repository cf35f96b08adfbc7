// A client that goes away in the middle of its request body (an abort, a timeout, a crash) is not an
// emulator failure: it is logged in one line as a lost connection, not as an "unexpected error"
// with a stack, on both workers.
import { request } from 'node:http';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { KEY_A, useEmulator } from './helpers/emulator';
import { SMARTER_KEY_A } from './helpers/smarter';

const emu = useEmulator();

/** Sends the headers of a 100,000-byte body, a few bytes of it, then closes the connection. */
function dropMidBody(url: string, headers: Record<string, string>, start: string): Promise<void> {
  const target = new URL(url);
  return new Promise((resolve) => {
    const req = request({ host: target.hostname, port: target.port, path: target.pathname, method: 'POST', headers: { ...headers, 'content-length': '100000' } });
    req.on('error', () => resolve());
    req.on('close', () => resolve());
    req.write(start, () => setTimeout(() => req.destroy(), 100));
  });
}

/** What the workers write to stderr until `done` holds (workerd's output reaches this process's stderr line by line). */
async function stderrUntil(act: () => Promise<void>, done: (text: string) => boolean): Promise<string> {
  let text = '';
  const write = process.stderr.write.bind(process.stderr);
  const spy = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array, ...rest: unknown[]) => {
    text += String(chunk);
    return write(chunk, ...(rest as []));
  });
  try {
    await act();
    await vi.waitFor(() => expect(done(text)).toBe(true), { timeout: 60_000, interval: 50 });
    return text;
  } finally {
    spy.mockRestore();
  }
}

afterEach(() => vi.restoreAllMocks());

describe('a client that closes its connection mid-request', () => {
  it('is logged as a lost connection, not as an unexpected error (Aerostack: JSON and multipart bodies)', async () => {
    const log = await stderrUntil(
      async () => {
        await dropMidBody(`${emu.emulator.aerostackURL}/cache/set`, { 'x-aerostack-key': KEY_A, 'content-type': 'application/json' }, '{"key":"a","value":"');
        await dropMidBody(`${emu.emulator.aerostackURL}/storage/upload`, { 'x-aerostack-key': KEY_A, 'content-type': 'multipart/form-data; boundary=xx' }, '--xx\r\nContent-Disposition: form-data; name="file"; filename="a"\r\n\r\nabc');
      },
      (text) => (text.match(/the connection was lost/g) ?? []).length >= 2,
    );
    expect(log).toContain('emulator: POST /v1/cache/set: the connection was lost before the request ended (the client closed it)');
    expect(log).toContain('emulator: POST /v1/storage/upload: the connection was lost before the request ended');
    expect(log).not.toContain('unexpected error');
    expect(log).not.toContain('Network connection lost');
  });

  it('is logged as a lost connection on the Smarter API too', async () => {
    const url = new URL('chat/completions/', emu.emulator.smarterURL).href;
    const log = await stderrUntil(
      () => dropMidBody(url, { authorization: `Token ${SMARTER_KEY_A}`, 'content-type': 'application/json' }, '{"model":"'),
      (text) => text.includes('the connection was lost'),
    );
    expect(log).toMatch(/smarter emulator: POST \/api\/v1\/\S+: the connection was lost before the request ended/);
    expect(log).not.toContain('unexpected error');
  });
});
