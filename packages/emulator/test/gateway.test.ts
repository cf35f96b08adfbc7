// @aerostack/gateway, @aerostack/services and the @aerostack/sdk facade against the emulator: the
// consumer routes in both path forms (Bearer consumer key or an end user's token, never the API
// key), wallets spent by completions and by the developer's billing logs, usage, and the facade.
import { register } from '@aerostack/auth';
import { AerostackClient, AuthenticationError, InvalidRequestError, RateLimitError } from '@aerostack/core';
import { billingLog, chatCompletions, chatCompletionsStream, Gateway, getUsage, getWallet, type PathStyle } from '@aerostack/gateway';
import { Aerostack } from '@aerostack/sdk';
import { invoke, Services } from '@aerostack/services';
import { describe, expect, it } from 'vitest';
import { projectId } from '../src/projects';
import { client, KEY_A, KEY_B, rawPost, useEmulator } from './helpers/emulator';

const emu = useEmulator();
const consumerKey = (key = KEY_A) => emu.emulator.consumerKeys[key] ?? '';
const messages = [{ role: 'user' as const, content: 'how are you' }];
// "how are you" is 3 words and the answer "You said: how are you" 5: 8 tokens a completion.
const TOKENS = 8;
let slugs = 0;
const newSlug = () => `api-${Date.now()}-${slugs++}`;

describe.each<PathStyle>(['v1', 'host'])('gateway consumer routes, path style %s', (pathStyle) => {
  it('chatCompletions with the consumer key: the deterministic answer and its usage; the wallet and usage count it', async () => {
    const c = client(emu);
    const apiSlug = newSlug();
    const options = { consumerKey: consumerKey(), pathStyle };
    const completion = await chatCompletions(c, { apiSlug, messages }, options);
    expect(completion.choices?.[0]?.message.content).toBe('You said: how are you');
    expect(completion.usage).toEqual({ prompt_tokens: 3, completion_tokens: 5, total_tokens: TOKENS });
    const { wallet } = await getWallet(c, { apiSlug }, options);
    expect(wallet).toMatchObject({ balance: 10_000 - TOKENS, total_purchased: 10_000, total_consumed: TOKENS, hard_limit: null });
    expect(await getUsage(c, { apiSlug, days: 7 }, options)).toEqual({ total_tokens: TOKENS, total_requests: 1, days: 7 });
  });

  it('chatCompletionsStream: deltas that join into the answer, then usage', async () => {
    const stream = await chatCompletionsStream(client(emu), { apiSlug: newSlug(), messages, stream_options: { include_usage: true } }, { consumerKey: consumerKey(), pathStyle });
    let text = '';
    let total: number | undefined;
    for await (const chunk of stream) {
      text += chunk.choices[0]?.delta.content ?? '';
      total = chunk.usage?.total_tokens ?? total;
    }
    expect([text, total]).toEqual(['You said: how are you', TOKENS]);
  });
});

describe('gateway credentials', () => {
  it('the API key is never a consumer credential; a wrong key is AuthenticationError with the string `error` too', async () => {
    const c = client(emu);
    const error: unknown = await chatCompletions(c, { apiSlug: 'x', messages }, { consumerKey: KEY_A }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error).toMatchObject({ status: 401, code: 'AUTH_INVALID_CONSUMER_KEY' });
    const raw = await fetch(`${emu.emulator.aerostackURL}/ai/gateway/me/wallet?api_slug=x`, { headers: { 'x-aerostack-key': KEY_A } });
    expect([raw.status, await raw.json()]).toEqual([401, { code: 'AUTH_INVALID_CONSUMER_KEY', message: 'Invalid or missing consumer key or token', error: 'Invalid or missing consumer key or token' }]);
  });

  it('a call without a consumer key is refused before sending', async () => {
    const error: unknown = await getWallet(client(emu), { apiSlug: 'x' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidRequestError);
    expect(error).toMatchObject({ code: 'MISSING_CONSUMER_KEY' });
  });

  it("an end user's access token is a consumer of its own, with its own wallet", async () => {
    const publicClient = new AerostackClient({ baseURL: emu.emulator.aerostackURL, logLevel: 'off', maxRetries: 0 });
    const user = await register(publicClient, projectId(KEY_A), { email: `gw.${Date.now()}@example.com`, password: 'Str0ngPass' });
    const gateway = new Gateway(client(emu), { apiSlug: newSlug(), consumerKey: user.accessToken });
    await gateway.chatCompletions({ messages });
    expect((await gateway.getWallet()).wallet.total_consumed).toBe(TOKENS);
    expect((await gateway.getWallet({}, { consumerKey: consumerKey() })).wallet.total_consumed).toBe(0);
    const forged = await gateway.getWallet({}, { consumerKey: `${user.accessToken ?? ''}x` }).catch((e: unknown) => e);
    expect(forged).toBeInstanceOf(AuthenticationError);
  });

  it("one project's consumer never sees another's wallet", async () => {
    const apiSlug = newSlug();
    await chatCompletions(client(emu), { apiSlug, messages }, { consumerKey: consumerKey(KEY_A) });
    const other = await getWallet(client(emu, KEY_B), { apiSlug }, { consumerKey: consumerKey(KEY_B) });
    expect(other.wallet.total_consumed).toBe(0);
  });
});

describe('gateway billing and quota', () => {
  it('billingLog (API key) spends units from the consumer wallet; an empty wallet refuses completions with 429 QUOTA_EXCEEDED and no Retry-After', async () => {
    const apiSlug = newSlug();
    const gateway = new Gateway(client(emu), { apiSlug, consumerKey: consumerKey() });
    const consumerId = (await fetch(`${emu.emulator.aerostackURL.replace(/\/v1$/, '')}/__emulator/health`).then((r) => r.json() as Promise<{ consumers: { consumer: string; project: string }[] }>)).consumers.find(
      (p) => p.project === projectId(KEY_A),
    )?.consumer;
    expect(consumerId).toMatch(/^cons_/);
    expect(await gateway.billingLog({ consumerId: consumerId ?? '', apiId: apiSlug, units: 9_999, metric: 'tokens' })).toEqual({ success: true, loggedUnits: 9_999 });
    expect((await gateway.getWallet()).wallet.balance).toBe(1);
    await gateway.chatCompletions({ messages }); // balance 1 > 0: served, and spent below zero
    const error: unknown = await new Gateway(client(emu, KEY_A, { maxRetries: 0 }), { apiSlug, consumerKey: consumerKey() }).chatCompletions({ messages }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error).toMatchObject({ status: 429, code: 'QUOTA_EXCEEDED' });
    // As the platform documents it: no Retry-After (a client that honours one uncapped would sleep
    // that long; whether to retry a quota error at all is the SDK's business).
    const raw = await fetch(`${emu.emulator.aerostackURL}/ai/gateway/${apiSlug}/chat/completions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${consumerKey()}`, 'content-type': 'application/json' },
      body: JSON.stringify({ messages }),
    });
    expect([raw.status, raw.headers.get('retry-after'), raw.headers.get('retry-after-ms')]).toEqual([429, null, null]);
    expect(await raw.json()).toMatchObject({ code: 'QUOTA_EXCEEDED' });
    // The SDK refuses this before sending; the server refuses it too.
    expect(await billingLog(client(emu), { consumerId: '', apiId: apiSlug, units: 1 }).catch((e: unknown) => e)).toBeInstanceOf(InvalidRequestError);
    const bad = await rawPost(emu, '/gateway/billing/log', JSON.stringify({ consumerId: '', apiId: apiSlug, units: -1 }));
    expect([bad.status, bad.json]).toMatchObject([400, { code: 'VALIDATION_ERROR', details: { fieldErrors: { consumerId: ['Must not be empty'], units: ['Must be at least 0'] } } }]);
  });

  it('usage days out of range and a missing api_slug are 400 VALIDATION_ERROR', async () => {
    const options = { consumerKey: consumerKey() };
    const days = await getUsage(client(emu), { apiSlug: 'x', days: 400 }, options).catch((e: unknown) => e);
    expect(days).toMatchObject({ status: 400, code: 'VALIDATION_ERROR' });
    const raw = await fetch(`${emu.emulator.aerostackURL}/ai/gateway/me/usage`, { headers: { authorization: `Bearer ${consumerKey()}` } });
    expect([raw.status, ((await raw.json()) as { details: unknown }).details]).toEqual([400, { fieldErrors: { api_slug: ['Required'] } }]);
  });
});

describe('services', () => {
  it('invoke (function and facade): a deterministic echo of the input', async () => {
    expect(await invoke(client(emu), { serviceName: 'billing-webhook', data: { amount: 5 } })).toEqual({ success: true, result: { echo: { amount: 5 }, serviceName: 'billing-webhook' } });
    expect((await new Services(client(emu)).invoke({ serviceName: 'x', data: [1] })).result).toEqual({ echo: [1], serviceName: 'x' });
  });
});

describe('@aerostack/sdk facade', () => {
  it('one client for every service, each over HTTP', async () => {
    const aero = new Aerostack(client(emu));
    const key = `facade-${Date.now()}`;
    await aero.cache.set({ key, value: 'v' });
    expect(await aero.cache.get({ key })).toEqual({ value: 'v', exists: true });
    expect((await aero.database.query({ sql: 'SELECT 1 AS one' })).results).toEqual([{ one: 1 }]);
    expect((await aero.ai.chat({ messages })).choices?.[0]?.message.content).toBe('You said: how are you');
    expect((await aero.services.invoke({ serviceName: 's', data: 1 })).success).toBe(true);
    expect((await aero.gateway.chatCompletions({ apiSlug: newSlug(), messages }, { consumerKey: consumerKey() })).usage?.total_tokens).toBe(TOKENS);
  });
});
