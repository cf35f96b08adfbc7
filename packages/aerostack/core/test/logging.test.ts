import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { AerostackClient, enableLogging, type Hooks, type Logger, post, type SDKError } from '../src';
import { json, scriptedFetch } from './helpers';

const KEY = 'ac_secret_SUPERSECRET123';

function recorder() {
  const lines: unknown[][] = [];
  const at = (level: string) => (...args: unknown[]) => lines.push([level, ...args]);
  const logger: Logger = { error: at('error'), warn: at('warn'), info: at('info'), debug: at('debug') };
  return { logger, lines, text: () => JSON.stringify(lines) };
}

afterEach(() => vi.unstubAllEnvs());

/** Hooks that record what they see, in order. */
function recordingHooks(events: string[]): Hooks {
  return {
    beforeRequest: (req) => void events.push(`before ${req.attempt}/${req.maxRetries}`),
    afterResponse: (res, req) => void events.push(`after ${req.attempt} ${res.status}`),
    beforeRetry: (err, req, delay) => void events.push(`retry after ${req.attempt}: ${err.status} in ${Math.round(delay)} ms`),
    onError: (err) => void events.push(`error ${err.status}`),
  };
}

// Runs first: this file starts, as the main entry does, with logging not installed.
describe('logging, in the main entry (browsers, edge runtimes)', () => {
  it('is left out until enableLogging() is called: nothing is logged, and the caller’s hooks run alone', async () => {
    vi.stubEnv('AEROSTACK_LOG', 'debug');
    const { logger, lines } = recorder();
    const events: string[] = [];
    const fetch = scriptedFetch(json({}, 503), json({ ok: 1 }));
    const client = new AerostackClient({ apiKey: 'k', fetch, logger, logLevel: 'debug', retry: { initialDelay: 1, maxDelay: 1 }, hooks: recordingHooks(events) });
    expect(await post(client, '/x', {})).toEqual({ ok: 1 });
    expect(lines).toEqual([]);
    expect(events).toEqual(['before 0/2', 'after 0 503', 'retry after 0: 503 in 1 ms', 'before 1/2', 'after 1 200']);
  });
});

describe('logging, enabled (as the Node, Bun and Deno entries do on import)', () => {
  beforeAll(() => enableLogging());

  it('logs requests at debug with the key and auth headers redacted', async () => {
    const { logger, lines, text } = recorder();
    const fetch = scriptedFetch(json({}, 503), json({ ok: 1 }));
    const client = new AerostackClient({
      apiKey: KEY,
      fetch,
      logger,
      logLevel: 'debug',
      retry: { initialDelay: 1 },
      headers: { Authorization: 'Bearer user-jwt-abc', Cookie: 'sid=xyz', 'X-Api-Key': 'other-key', 'X-Note': `has ${KEY} inside` },
    });
    await post(client, '/cache/get', { key: 'a' });
    const all = text();
    expect(all).not.toContain('SUPERSECRET');
    expect(all).not.toContain('user-jwt-abc');
    expect(all).not.toContain('sid=xyz');
    expect(all).not.toContain('other-key');
    expect(all).toContain('"x-aerostack-key":"***"');
    expect(all).toContain('has *** inside');
    expect(lines.some(([level, line]) => level === 'debug' && String(line).startsWith('[Aerostack] → POST https://api.aerostack.dev/v1/cache/get'))).toBe(true);
    expect(lines.some(([level, line]) => level === 'warn' && /^\[Aerostack\] retry 1\/2 of POST .* in 1 ms: 503: HTTP 503$/.test(String(line)))).toBe(true);
  });

  it('is quiet below warn by default, and AEROSTACK_LOG sets the level', async () => {
    const quiet = recorder();
    await post((new AerostackClient({ apiKey: 'k', fetch: scriptedFetch(json({})), logger: quiet.logger })), '/x', {});
    expect(quiet.lines).toHaveLength(0);
    vi.stubEnv('AEROSTACK_LOG', 'debug');
    const loud = recorder();
    await post((new AerostackClient({ apiKey: 'k', fetch: scriptedFetch(json({})), logger: loud.logger })), '/x', {});
    expect(loud.lines.length).toBeGreaterThan(0);
    const off = recorder();
    await post((new AerostackClient({ apiKey: 'k', fetch: scriptedFetch(json({}, 503), json({})), logger: off.logger, logLevel: 'off', retry: { initialDelay: 1 } })), '/x', {});
    expect(off.lines).toHaveLength(0);
  });

  it('never puts the key in an error', async () => {
    const fetch = scriptedFetch(json({ code: 'AUTH_INVALID_KEY', message: 'Invalid or missing API key' }, 401));
    const error = (await post((new AerostackClient({ apiKey: KEY, fetch })), '/x', {}).catch((e: unknown) => e)) as SDKError;
    expect(JSON.stringify(Object.assign({}, error, { message: error.message, stack: error.stack }))).not.toContain('SUPERSECRET');
  });
});

describe('hooks, with logging enabled', () => {
  it('still run in order around the log lines, beforeRetry included', async () => {
    const events: string[] = [];
    const at = (kind: string) => (...args: unknown[]) => void events.push(`${kind}: ${String(args[0])}`);
    const hooks = recordingHooks(events);
    const log: Logger = { error: at('error'), warn: at('warn'), info: at('info'), debug: at('debug') };
    const fetch = scriptedFetch(json({}, 503), json({ code: 'X', message: 'bad' }, 400));
    const client = new AerostackClient({ apiKey: 'k', fetch, logger: log, logLevel: 'debug', retry: { initialDelay: 1, maxDelay: 1 }, hooks });
    await post(client, '/x', {}).catch(() => undefined);
    expect(events.map((e) => e.replace(/https:\S+/, 'URL'))).toEqual([
      'before 0/2',
      'debug: [Aerostack] → POST URL (attempt 0)',
      'after 0 503',
      'debug: [Aerostack] ← 503 POST URL',
      'warn: [Aerostack] retry 1/2 of POST URL in 1 ms: 503: HTTP 503',
      'retry after 0: 503 in 1 ms',
      'before 1/2',
      'debug: [Aerostack] → POST URL (attempt 1)',
      'after 1 400',
      'debug: [Aerostack] ← 400 POST URL',
      'error 400',
    ]);
  });

  it('at warn (the default) wrap only beforeRetry: the caller’s own hooks are passed through as they are', async () => {
    const events: string[] = [];
    const hooks = recordingHooks(events);
    const fetch = scriptedFetch(json({}));
    const client = new AerostackClient({ apiKey: 'k', fetch, logger: recorder().logger, hooks });
    await post(client, '/x', {});
    expect(events).toEqual(['before 0/2', 'after 0 200']);
  });
});

describe('hooks', () => {
  beforeAll(() => enableLogging());

  it('runs beforeRequest (which may add headers), afterResponse per attempt, and onError once', async () => {
    const events: string[] = [];
    const fetch = scriptedFetch(json({}, 500), json({ code: 'X', message: 'bad' }, 400));
    const client = new AerostackClient({
      apiKey: 'k',
      fetch,
      logLevel: 'off',
      retry: { initialDelay: 1 },
      hooks: {
        beforeRequest: (req) => {
          events.push(`before ${req.attempt}`);
          req.headers['x-signature'] = `sig-${req.attempt}`;
        },
        afterResponse: (res, req) => void events.push(`after ${req.attempt} ${res.status}`),
        onError: (err) => void events.push(`error ${err.status}`),
      },
    });
    await post(client, '/x', {}).catch(() => undefined);
    expect(events).toEqual(['before 0', 'after 0 500', 'before 1', 'after 1 400', 'error 400']);
    expect(fetch.calls.map((c) => c.headers['x-signature'])).toEqual(['sig-0', 'sig-1']);
  });
});
