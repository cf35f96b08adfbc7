// Failures no retry mends are thrown after one attempt: a spent quota (429 QUOTA_EXCEEDED, which
// used to be retried unless its Retry-After was too long to wait), and an over-limit request
// (413, or 400 naming the limit: a 30 MiB cache.set was sent three times).
import { describe, expect, it } from 'vitest';
import { AerostackClient, get, post, RateLimitError } from '../src';
import { json, rejection, scriptedFetch } from './helpers';

const fast = { retry: { initialDelay: 1, maxDelay: 1 } };

describe('not retried', () => {
  it('a 429 QUOTA_EXCEEDED (with or without Retry-After): a RateLimitError with its code', async () => {
    for (const headers of [{}, { 'retry-after': '1' }] as Record<string, string>[]) {
      const fetch = scriptedFetch(...Array.from({ length: 3 }, () => json({ code: 'QUOTA_EXCEEDED', message: 'The wallet of this consumer for demo is empty', error: 'The wallet…' }, 429, headers)));
      const error = await rejection(post((new AerostackClient({ apiKey: 'k', fetch, logLevel: 'off' })), '/ai/gateway/demo/chat/completions', { messages: [] }, fast));
      expect(fetch.calls).toHaveLength(1);
      expect(error).toBeInstanceOf(RateLimitError);
      expect(error).toMatchObject({ status: 429, code: 'QUOTA_EXCEEDED' });
    }
  });

  it.each([
    [413, 'VALUE_TOO_LARGE'],
    [400, 'KEY_TOO_LONG'],
    [400, 'VALIDATION_ERROR'],
  ])('a %i %s', async (status, code) => {
    const fetch = scriptedFetch(...Array.from({ length: 3 }, () => json({ code, message: 'over the limit' }, status)));
    const error = await rejection(post((new AerostackClient({ apiKey: 'k', fetch, logLevel: 'off' })), '/cache/set', { key: 'k', value: 'v' }, fast));
    expect(fetch.calls).toHaveLength(1);
    expect(error).toMatchObject({ status, code });
  });

  it("OpenAI's 429 insufficient_quota", async () => {
    const fetch = scriptedFetch(json({ error: { code: 'insufficient_quota', message: 'You exceeded your current quota' } }, 429), json({ ok: true }));
    const error = await rejection(get((new AerostackClient({ apiKey: 'k', fetch, logLevel: 'off' })), '/x', undefined, fast));
    expect(fetch.calls).toHaveLength(1);
    expect(error).toMatchObject({ status: 429, code: 'insufficient_quota' });
  });
});

describe('still retried', () => {
  it('a 429 RATE_LIMIT_EXCEEDED: a plain RateLimitError', async () => {
    const fetch = scriptedFetch(json({ code: 'RATE_LIMIT_EXCEEDED', message: 'slow down' }, 429), json({ ok: true }));
    expect(await post((new AerostackClient({ apiKey: 'k', fetch, logLevel: 'off' })), '/cache/get', { key: 'a' }, fast)).toEqual({ ok: true });
    expect(fetch.calls).toHaveLength(2);
  });
});
