// Issue 18 / 15 prototype: a client that is only constructed builds none of the sending pipeline
// (so a bundle that never sends carries none of it); `request(client, spec)` builds it on the
// client's first call, once.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AerostackClient, post, request } from '../src';
import { installTransport } from '../src/transport';
import { json, scriptedFetch } from './helpers';

afterEach(() => {
  vi.unstubAllEnvs();
  installTransport(() => undefined);
});

describe('the sending pipeline', () => {
  it('is built on the first request, not by the constructor, and kept for the next calls', async () => {
    const fetch = scriptedFetch(json({ ok: 1 }), json({ ok: 2 }));
    const chooser = vi.fn(() => fetch);
    installTransport(chooser);
    const client = new AerostackClient({ apiKey: 'k' });
    expect(chooser).not.toHaveBeenCalled();
    expect(await post(client, '/a', {})).toEqual({ ok: 1 });
    expect(await request(client, { method: 'GET', path: '/b' })).toEqual({ ok: 2 });
    expect(chooser).toHaveBeenCalledTimes(1);
  });

  it('the constructor resolves the key from the environment, readable from the options but never shown', () => {
    vi.stubEnv('AEROSTACK_API_KEY', 'ak_from_env_123');
    const client = new AerostackClient();
    expect(client.options.apiKey).toBe('ak_from_env_123');
    expect(JSON.stringify(client.options)).not.toContain('ak_from_env_123');
    expect(Object.keys(client.options)).not.toContain('apiKey');
  });
});
