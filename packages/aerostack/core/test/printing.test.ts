// Printing a client on a server (console.log, util.inspect, JSON.stringify) shows its settings but
// not its credentials, once the server entries have installed it (as they do on load).
import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { AerostackClient, Client } from '../src';
import { hideCredentialsWhenPrinted } from '../src/printing';
import { plainPreset } from './helpers';

const KEY = 'ac_secret_PRINTME0123456789';

// Runs first: this file starts, as the main entry does, with nothing installed.
describe('printing a client, in the main entry', () => {
  it('shows the object as it is, but for the key and headers, which are not enumerable', () => {
    const client = new AerostackClient({ apiKey: KEY, timeout: 5_000, headers: { Authorization: 'Bearer user-jwt-abc' } });
    const printed = inspect(client, { depth: 5 });
    expect(printed).not.toContain('PRINTME');
    expect(printed).not.toContain('user-jwt-abc');
    expect(printed).toContain('timeout: 5000');
  });
});

describe('printing a client, on a server', () => {
  it('shows its class, base URL and options, with the key and credential headers as ***', () => {
    hideCredentialsWhenPrinted();
    const client = new AerostackClient({
      apiKey: KEY,
      timeout: 5_000,
      headers: { Authorization: 'Bearer user-jwt-abc', 'X-Aerostack-Key': KEY, Cookie: 'sid=xyz', 'X-Note': `has ${KEY} inside`, 'X-Project': 'p1' },
    });
    for (const printed of [inspect(client), inspect({ nested: { client } }, { depth: 5 }), JSON.stringify(client), JSON.stringify([client])]) {
      expect(printed).not.toContain('PRINTME');
      expect(printed).not.toContain('user-jwt-abc');
      expect(printed).not.toContain('sid=xyz');
    }
    expect(inspect(client)).toMatch(/^AerostackClient \{/);
    expect(JSON.parse(JSON.stringify(client))).toEqual({
      baseURL: 'https://api.aerostack.dev/v1',
      options: {
        apiKey: '***',
        timeout: 5000,
        headers: { Authorization: '***', 'X-Aerostack-Key': '***', Cookie: '***', 'X-Note': 'has *** inside', 'X-Project': 'p1' },
      },
    });
  });

  it('works for any preset (its own key header included) and for a client made without a key', () => {
    const custom = new Client({ apiKey: KEY, auth: { header: 'X-Custom-Key' }, headers: { 'x-custom-key': 'other' } }, plainPreset);
    expect(JSON.parse(JSON.stringify(custom)).options).toEqual({ apiKey: '***', auth: { header: 'X-Custom-Key' }, headers: { 'x-custom-key': '***' } });
    expect(JSON.parse(JSON.stringify(new Client({}, plainPreset)))).toEqual({ baseURL: 'https://plain.test/api/v1/', options: {} });
    // withOptions copies print the same way.
    expect(inspect(custom.withOptions({ timeout: 1 }))).not.toContain('PRINTME');
  });
});
