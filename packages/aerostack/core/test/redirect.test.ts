import { describe, expect, it } from 'vitest';
import { AerostackClient, APIConnectionError } from '../src';
import { json, scriptedFetch } from './helpers';

const redirect = (status: number, location: string) => new Response(null, { status, headers: { location } });

describe('redirects', () => {
  it('follows a same-origin redirect with the credentials', async () => {
    const fetch = scriptedFetch(redirect(307, '/v1/cache/get2'), json({ ok: 1 }));
    const client = new AerostackClient({ apiKey: 'secret', fetch });
    expect(await client.post('/cache/get', { key: 'a' })).toEqual({ ok: 1 });
    expect(fetch.calls[1]!.url).toBe('https://api.aerostack.dev/v1/cache/get2');
    expect(fetch.calls[1]!.method).toBe('POST');
    expect(fetch.calls[1]!.body).toBe('{"key":"a"}');
    expect(fetch.calls[1]!.headers['x-aerostack-key']).toBe('secret');
    expect(fetch.calls[0]!.init.redirect).toBe('manual');
  });

  it('never sends the key or Authorization to another origin', async () => {
    const fetch = scriptedFetch(redirect(302, 'https://cdn.example.com/file.png'), new Response('png'));
    const client = new AerostackClient({ apiKey: 'secret', fetch, headers: { Authorization: 'Bearer user-token', Cookie: 'a=b' } });
    const res = await client.request<Response>({ method: 'GET', path: '/storage/x', parse: 'raw' });
    expect(await res.text()).toBe('png');
    const sent = fetch.calls[1]!.headers;
    expect(fetch.calls[1]!.url).toBe('https://cdn.example.com/file.png');
    expect(sent['x-aerostack-key']).toBeUndefined();
    expect(sent.authorization).toBeUndefined();
    expect(sent.cookie).toBeUndefined();
    expect(JSON.stringify(fetch.calls[1])).not.toContain('secret');
  });

  it('drops credentials an auth function produced, too', async () => {
    const fetch = scriptedFetch(redirect(301, 'https://elsewhere.test/x'), json({}));
    const client = new AerostackClient({ fetch, auth: () => ({ 'x-custom-auth': 'tok' }) });
    await client.get('/x');
    expect(fetch.calls[1]!.headers['x-custom-auth']).toBeUndefined();
  });

  it('turns a POST into a GET without a body after 303 (and 301/302)', async () => {
    const fetch = scriptedFetch(redirect(303, '/v1/result'), json({ done: true }));
    await new AerostackClient({ apiKey: 'k', fetch }).post('/jobs', { a: 1 });
    expect(fetch.calls[1]!.method).toBe('GET');
    expect(fetch.calls[1]!.init.body).toBeUndefined();
    expect(fetch.calls[1]!.headers['content-type']).toBeUndefined();
  });

  it('stops after 5 redirects', async () => {
    const fetch = scriptedFetch(...Array.from({ length: 6 }, (_, i) => redirect(302, `/v1/r${i}`)));
    const error = await new AerostackClient({ apiKey: 'k', fetch, maxRetries: 0 }).get('/x').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(APIConnectionError);
    expect((error as Error).message).toBe('Too many redirects, the last to /v1/r5');
    expect(fetch.calls).toHaveLength(6);
  });

  it('reports a browser-hidden redirect as a connection error instead of a bogus success', async () => {
    const opaque = { status: 0, type: 'opaqueredirect', ok: false, headers: new Headers(), body: null } as unknown as Response;
    const fetch = scriptedFetch(opaque);
    const error = await new AerostackClient({ apiKey: 'k', fetch, maxRetries: 0 }).get('/x').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(APIConnectionError);
    expect((error as Error).message).toContain('redirected');
  });
});
