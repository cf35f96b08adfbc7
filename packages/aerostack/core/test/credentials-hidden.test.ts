// The key and credential headers cannot be printed by accident from the client's own fields, nor
// from an error whose response headers echo the key. Before: JSON.stringify(client.options),
// util.inspect({ ...client }) and Object.entries(client) showed both, and console.log(error) showed a
// key the server echoed in a header.
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { inspect, promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { AerostackClient, get } from '../src';
import { json, rejection, scriptedFetch } from './helpers';
import { exposure, leaks, secretKey } from '../../../../tooling/test-utils/src/secrets';

const KEY = secretKey();
const JWT = secretKey('eyJhbGciOiJIUzI1NiJ9.');
const headers = { Authorization: `Bearer ${JWT.key}`, 'X-Project': 'p1' };

/** `{ ...client }`, as an app may spread it into a log record (what the lint rule warns about is the point here). */
const spread = (client: AerostackClient): object => Object.assign({}, client);

/** Every way the issue names of printing a client's fields, as one text. */
const printed = (client: AerostackClient): string =>
  [JSON.stringify(client.options), inspect(spread(client), { depth: 5 }), inspect(Object.entries(client), { depth: 5 }), JSON.stringify(spread(client)), JSON.stringify(Object.entries(client))].join('\n');

describe("the client's fields", () => {
  it('never show the key or a credential header, however they are printed', () => {
    const client = new AerostackClient({ apiKey: KEY.key, headers, timeout: 5_000 });
    const text = printed(client);
    expect(leaks(text, KEY)).toEqual([]);
    expect(leaks(text, JWT)).toEqual([]);
    // The rest of the options still shows.
    expect(JSON.parse(JSON.stringify(client.options))).toEqual({ timeout: 5000 });
  });

  it('still hold them for code that reads them, and for withOptions', async () => {
    const client = new AerostackClient({ apiKey: KEY.key, headers });
    expect(client.options.apiKey).toBe(KEY.key);
    expect(client.options.headers).toEqual(headers);
    const fetch = scriptedFetch(json({ ok: true }));
    await get(client.withOptions({ fetch, timeout: 1_000 }), '/x');
    expect(fetch.calls[0]?.headers).toMatchObject({ 'x-aerostack-key': KEY.key, authorization: `Bearer ${JWT.key}`, 'x-project': 'p1' });
    expect(leaks(printed(client.withOptions({ timeout: 1 })), KEY)).toEqual([]);
  });
});

describe('an error whose response echoes the key in a header', () => {
  it.each([
    ['a 401', json({ message: 'no' }, 401, { 'x-echo-key': KEY.key, 'www-authenticate': `Key realm="${KEY.key}"` })],
    ['a 302 whose location holds it', new Response(null, { status: 302, headers: { location: `https://elsewhere.test/?key=${KEY.key}` } })],
    ['a 200 that is not JSON', new Response(`oops ${KEY.key}`, { headers: { 'x-echo-key': KEY.key } })],
  ])('%s: console.log(error) and error.headers do not show it', async (_name, reply) => {
    const error = await rejection(get((new AerostackClient({ apiKey: KEY.key, fetch: scriptedFetch(reply), maxRetries: 0, logLevel: 'off' })), '/x'));
    expect(leaks(exposure(error), KEY)).toEqual([]);
    expect(leaks(inspect(error, { depth: 10 }), KEY)).toEqual([]);
    expect((error.headers as Headers).get('x-echo-key') ?? 'none').not.toContain(KEY.key);
  });
});

// As a user would: the built package, through its name, on the node entry (server printing on) and
// the main entry (what browsers and edge runtimes get, printing off).
describe('the built package', () => {
  const packageDir = fileURLToPath(new URL('..', import.meta.url));
  const program = (load: string) => `
    const core = ${load};
    const util = await import('node:util');
    const key = process.env.PROBE_KEY;
    const client = new core.AerostackClient({ apiKey: key, headers: { Authorization: 'Bearer ' + key, 'X-Api-Key': key } });
    const fetch = async () => new Response('{"message":"no"}', { status: 401, headers: { 'x-echo-key': key } });
    const error = await core.get(new core.AerostackClient({ apiKey: key, fetch, logLevel: 'off' }), '/x').catch((e) => e);
    const shown = [JSON.stringify(client.options), util.inspect({ ...client }, { depth: 5 }), util.inspect(Object.entries(client), { depth: 5 }), util.inspect(error, { depth: 5 }), JSON.stringify([...error.headers])];
    console.log(JSON.stringify({ shown, readable: client.options.apiKey === key }));`;
  it.each([
    ['node entry (ESM)', "await import('@aerostack/core')"],
    ['main entry (ESM)', "await import('./dist/index.js')"],
  ])('%s: no path shows the key', async (_name, load) => {
    const { stdout } = await promisify(execFile)(process.execPath, ['--input-type=module', '-e', program(load)], { cwd: packageDir, env: { ...process.env, PROBE_KEY: KEY.key } });
    const { shown, readable } = JSON.parse(stdout) as { shown: string[]; readable: boolean };
    expect(shown.map((text) => leaks(text, KEY))).toEqual(shown.map(() => []));
    expect(readable).toBe(true);
  });
});
