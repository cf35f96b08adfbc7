import { describe, expect, it } from 'vitest';
import { AerostackClient, APIError, get, InternalServerError, post, request } from '../src';
import { scriptedFetch } from './helpers';

const redirect = (status: number, location: string) => new Response(null, { status, headers: { location } });

// Redirects are refused: fetch would forward X-Aerostack-Key to whatever origin a redirect names.
describe('redirects', () => {
  it.each([301, 302, 303, 307, 308])('refuses a %i with an APIError naming the location, sending nothing further', async (status) => {
    const fetch = scriptedFetch(redirect(status, 'https://evil.example.com/steal'));
    const error = await post((new AerostackClient({ apiKey: 'secret', fetch })), '/cache/get', { key: 'a' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(APIError);
    expect(error).not.toBeInstanceOf(InternalServerError);
    expect((error as APIError).status).toBe(status);
    expect((error as APIError).message).toContain('redirect to https://evil.example.com/steal not followed');
    expect((error as APIError).headers?.get('location')).toBe('https://evil.example.com/steal');
    expect(fetch.calls).toHaveLength(1);
  });

  it("asks fetch not to follow ('manual'), and streamed bodies to fail on a redirect ('error')", async () => {
    const fetch = scriptedFetch(new Response('{}'), new Response('{}'));
    const client = new AerostackClient({ apiKey: 'k', fetch });
    await post(client, '/x', {});
    const body = new ReadableStream<Uint8Array>({ start: (c) => c.close() });
    await request(client, { method: 'PUT', path: '/up', rawBody: body });
    expect(fetch.calls.map((c) => c.init.redirect)).toEqual(['manual', 'error']);
  });

  it('reports a browser-hidden redirect (opaqueredirect, status 0) as an error, not a success', async () => {
    const opaque = { status: 0, statusText: '', type: 'opaqueredirect', ok: false, headers: new Headers(), text: () => Promise.resolve('') } as unknown as Response;
    const error = await get((new AerostackClient({ apiKey: 'k', fetch: scriptedFetch(opaque), maxRetries: 0 })), '/x').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(APIError);
    expect((error as Error).message).toBe('0: HTTP 0 (redirect to a hidden location not followed)');
  });
});
