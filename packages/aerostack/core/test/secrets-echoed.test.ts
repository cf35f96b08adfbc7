// The key stays out of errors even when someone else echoes it: a server's body, a fetch's error
// text. (The logger's scrubbing is secrets.test.ts.) An app that logs `error.message` or ships
// errors to a tracker never shows the key. (The client object itself holds it, as documented.)
import { describe, expect, it } from 'vitest';
import { AerostackClient, get } from '../src';
import { json, scriptedFetch } from './helpers';
import { exposure, leaks, secretKey } from '../../../../tooling/test-utils/src/secrets';

const KEY = secretKey();

describe('the key in errors and in the client', () => {
  // Was: a server answering `401 {"message":"Invalid API key <key>"}` puts the key in
  // error.message ("401: Invalid API key ac_secret_…") and error.body.
  it('is scrubbed from an APIError whose body echoes it', async () => {
    const fetch = scriptedFetch(json({ code: 'AUTH_INVALID_KEY', message: `Invalid API key ${KEY.key}` }, 401));
    const error = await get((new AerostackClient({ apiKey: KEY.key, fetch, logLevel: 'off' })), '/x').catch((e: unknown) => e);
    expect(leaks(exposure(error), KEY)).toEqual([]);
  });

  // Was: a fetch (a wrapper, a polyfill, a proxy agent) whose error text quotes the request
  // headers gives "Connection error: request failed: {…"x-aerostack-key":"ac_secret_…"}".
  it('is scrubbed from an APIConnectionError whose cause quotes it', async () => {
    const fetch = scriptedFetch((req) => Promise.reject(new TypeError(`request failed: ${JSON.stringify(req.headers)}`)));
    const error = await get((new AerostackClient({ apiKey: KEY.key, fetch, logLevel: 'off', maxRetries: 0 })), '/x').catch((e: unknown) => e);
    expect(leaks((error as Error).message, KEY)).toEqual([]);
  });
});
