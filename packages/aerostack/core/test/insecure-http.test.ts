// A credential sent over plain http:// to a host that is not this machine is warned about, once per
// client, through the logger at `warn` (shown by default). Before: not a word.
import { describe, expect, it } from 'vitest';
import { AerostackClient, Client, type ClientOptions, enableLogging, type Logger, request } from '../src';
import { json, plainPreset, scriptedFetch } from './helpers';

enableLogging(); // as the Node, Bun and Deno entries do

function recorder() {
  const lines: unknown[][] = [];
  const at = (level: string) => (...args: unknown[]) => void lines.push([level, ...args]);
  const logger: Logger = { error: at('error'), warn: at('warn'), info: at('info'), debug: at('debug') };
  return { logger, lines };
}

/** Three calls through one client; what it logged. */
async function logged(options: ClientOptions, make = (o: ClientOptions): Client => new AerostackClient(o), credentials = true): Promise<unknown[][]> {
  const { logger, lines } = recorder();
  const client = make({ fetch: scriptedFetch(json({}), json({}), json({})), logger, ...options });
  for (let i = 0; i < 3; i++) await request(client, { method: 'GET', path: '/x', ...(!credentials && { auth: false }) });
  return lines;
}

describe('a credential over plain http://', () => {
  it('to a remote host: one warning per client, at the default level, naming the host', async () => {
    const lines = await logged({ apiKey: 'ac_secret_0123456789', baseURL: 'http://api.example.com:8080/v1' });
    expect(lines).toHaveLength(1);
    expect(lines[0]?.[0]).toBe('warn');
    expect(lines[0]?.[1]).toContain('api.example.com');
    expect(lines[0]?.[1]).toContain('http://');
    expect(JSON.stringify(lines)).not.toContain('ac_secret_0123456789');
    // A second client warns again: once per client.
    expect(await logged({ apiKey: 'ac_secret_0123456789', baseURL: 'http://api.example.com/v1' })).toHaveLength(1);
  });

  it('as Authorization (another scheme, or a header of the caller), or through an auth function, is warned about too', async () => {
    expect(await logged({ apiKey: 'tok_0123456789', baseURL: 'http://10.0.0.7/api/v1/' }, (o) => new Client(o, plainPreset))).toHaveLength(1);
    expect(await logged({ baseURL: 'http://api.example.com/v1', headers: { Authorization: 'Bearer jwt' } }, undefined, false)).toHaveLength(1);
    expect(await logged({ apiKey: 'ac_secret_0123456789', baseURL: 'http://api.example.com/v1', auth: (key) => ({ 'x-signed': `sig ${key ?? ''}` }) })).toHaveLength(1);
  });

  it.each(['http://localhost:8787/v1', 'http://127.0.0.1:8787/v1', 'http://127.8.9.10/v1', 'http://[::1]:8787/v1', 'http://emulator.localhost/v1', 'https://api.example.com/v1'])(
    'to %s (loopback, *.localhost, or https): silent',
    async (baseURL) => {
      expect(await logged({ apiKey: 'ac_secret_0123456789', baseURL })).toEqual([]);
    },
  );

  it('without any credential: silent', async () => {
    expect(await logged({ apiKey: 'ac_secret_0123456789', baseURL: 'http://api.example.com/v1' }, undefined, false)).toEqual([]);
  });

  it("at logLevel 'off': silent", async () => {
    expect(await logged({ apiKey: 'ac_secret_0123456789', baseURL: 'http://api.example.com/v1', logLevel: 'off' })).toEqual([]);
  });
});
