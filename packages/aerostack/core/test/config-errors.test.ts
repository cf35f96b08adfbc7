// Configuration mistakes fail at once, as a typed error naming the option, before anything is sent:
// they used to come back as APIConnectionError after ~1.3 s of retries.
import { describe, expect, it } from 'vitest';
import { AerostackClient, InvalidRequestError, post } from '../src';
import { rejection, scriptedFetch } from './helpers';

describe('a bad baseURL', () => {
  it.each(['not a url', 'ftp://files.example.com/v1', 'https://api.example.com/v1?project=p1', 'https://api.example.com/v1#top', 'https://api.example.com/v1?', 'api.example.com/v1'])(
    '%j: an InvalidRequestError at construction, naming baseURL',
    (baseURL) => {
      let error: unknown;
      try {
        new AerostackClient({ apiKey: 'ac_secret_0123456789', baseURL });
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(InvalidRequestError);
      expect(error).toMatchObject({ code: 'INVALID_OPTION' });
      expect((error as Error).message).toContain('baseURL');
      expect((error as Error).message).toContain(`"${baseURL}"`);
    },
  );

  it('an http(s) URL with a path, a port or a trailing slash is accepted', () => {
    for (const baseURL of ['https://api.example.com/v1', 'http://localhost:8787/v1/', 'HTTPS://API.example.com']) {
      expect(new AerostackClient({ apiKey: 'k', baseURL }).baseURL).toBe(baseURL);
    }
  });
});

describe('a bad API key', () => {
  const bad: [string, string | undefined, string][] = [
    ['missing', undefined, 'MISSING_API_KEY'],
    ['empty', '', 'MISSING_API_KEY'],
    ['blank', '   ', 'INVALID_API_KEY'],
    ['with a trailing newline', 'ac_secret_0123456789\n', 'INVALID_API_KEY'],
    ['with a trailing space', 'ac_secret_0123456789 ', 'INVALID_API_KEY'],
    ['with a leading tab', '\tac_secret_0123456789', 'INVALID_API_KEY'],
    ['with a control character', 'ac_secret_0123\u0000456789', 'INVALID_API_KEY'],
  ];
  it.each(bad)('%s: the first call rejects with an InvalidRequestError naming apiKey; nothing is sent, nothing retried', async (_name, apiKey, code) => {
    const fetch = scriptedFetch();
    const client = new AerostackClient({ apiKey, fetch, baseURL: 'https://api.example.com/v1' });
    const error = await rejection(post(client, '/cache/get', { key: 'a' }));
    expect(error).toBeInstanceOf(InvalidRequestError);
    expect(error).toMatchObject({ code });
    expect(error.message).toContain('apiKey');
    expect(fetch.calls).toHaveLength(0);
    // The key itself is never quoted back.
    if (apiKey?.trim()) expect(error.message).not.toContain(apiKey.trim());
  });
});
