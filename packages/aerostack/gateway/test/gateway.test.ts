import { describe, expect, it } from 'vitest';
import { InvalidRequestError } from '@aerostack/core';
import { Gateway } from '../src';
import { API_KEY, clientWith, json, rejection, scriptedFetch } from './helpers';
import { sse } from './sse';

const messages = [{ role: 'user' as const, content: 'Hi' }];

describe('Gateway facade', () => {
  it('uses its consumer key, API slug and path style for the consumer calls, and the API key for billing', async () => {
    const fetch = scriptedFetch(json({ choices: [] }), sse(['[DONE]']), json({ wallet: { balance: 1, total_consumed: 0 } }), json({ total_tokens: 0, total_requests: 0, days: 30 }), json({ success: true, loggedUnits: 3 }));
    const gateway = new Gateway(clientWith(fetch), { consumerKey: 'ask_test_1', apiSlug: 'my-api', pathStyle: 'host' });
    await gateway.chatCompletions({ messages });
    const stream = await gateway.chatCompletionsStream({ messages });
    for await (const chunk of stream) throw new Error(`unexpected chunk ${JSON.stringify(chunk)}`);
    await gateway.getWallet();
    await gateway.getUsage({ days: 30 });
    await gateway.billingLog({ consumerId: 'c', apiId: 'a', units: 3 });
    expect(fetch.calls.map((c) => `${c.method} ${c.url} ${c.headers.authorization ?? '-'} ${c.headers['x-aerostack-key'] ?? '-'}`)).toEqual([
      'POST https://api.aerostack.dev/api/gateway/my-api/v1/chat/completions Bearer ask_test_1 -',
      'POST https://api.aerostack.dev/api/gateway/my-api/v1/chat/completions Bearer ask_test_1 -',
      'GET https://api.aerostack.dev/api/gateway/me/wallet?api_slug=my-api Bearer ask_test_1 -',
      'GET https://api.aerostack.dev/api/gateway/me/usage?api_slug=my-api&days=30 Bearer ask_test_1 -',
      `POST https://api.aerostack.dev/v1/gateway/billing/log - ${API_KEY}`,
    ]);
  });

  it('a call may override the key, the slug and the path style', async () => {
    const fetch = scriptedFetch(json({ choices: [] }));
    const gateway = new Gateway(clientWith(fetch), { consumerKey: 'ask_test_1', apiSlug: 'my-api', pathStyle: 'host' });
    await gateway.chatCompletions({ apiSlug: 'other', messages }, { consumerKey: 'user.jwt', pathStyle: 'v1' });
    expect(fetch.calls[0]!.url).toBe('https://api.aerostack.dev/v1/ai/gateway/other/chat/completions');
    expect(fetch.calls[0]!.headers.authorization).toBe('Bearer user.jwt');
  });

  it('defaults to the v1 path form', async () => {
    const fetch = scriptedFetch(json({ wallet: { balance: 1, total_consumed: 0 } }));
    await new Gateway(clientWith(fetch), { consumerKey: 'k', apiSlug: 's' }).getWallet();
    expect(fetch.calls[0]!.url).toBe('https://api.aerostack.dev/v1/ai/gateway/me/wallet?api_slug=s');
  });

  it('says where to put a missing key or slug', async () => {
    const fetch = scriptedFetch();
    const noKey = await rejection(new Gateway(clientWith(fetch), { apiSlug: 's' }).chatCompletions({ messages }));
    expect(noKey).toBeInstanceOf(InvalidRequestError);
    expect(noKey.message).toContain('{ consumerKey }');
    const noSlug = await rejection(new Gateway(clientWith(fetch), { consumerKey: 'k' }).getUsage());
    expect(noSlug).toBeInstanceOf(InvalidRequestError);
    expect(noSlug).toMatchObject({ code: 'VALIDATION_ERROR', message: 'apiSlug is required (in the params, or new Gateway(client, { apiSlug }))', details: { field: 'apiSlug' } });
    const noChatSlug = await rejection(new Gateway(clientWith(fetch), { consumerKey: 'k' }).chatCompletionsStream({ messages }));
    expect(noChatSlug.message).toBe(noSlug.message);
    expect(fetch.calls).toHaveLength(0);
  });
});
