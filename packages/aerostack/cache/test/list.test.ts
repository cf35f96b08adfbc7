import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { list } from '../src';
import { client, KEY, ORIGIN, type Seen } from './helpers';

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

const pages = [
  { keys: [{ key: 'user:1', expiration: null }, { key: 'user:2', expiration: 1767225600 }], list_complete: false, cursor: 'c1' },
  { keys: [{ key: 'user:3', expiration: null }], list_complete: false, cursor: 'c2' },
  { keys: [{ key: 'user:4', expiration: null }], list_complete: true },
];

/** Serves the three pages by cursor, recording each request. */
function serve(): Seen[] {
  const seen: Seen[] = [];
  nock(ORIGIN)
    .post('/v1/cache/list')
    .times(10)
    .reply(function (uri, body) {
      const sent = body as { cursor?: string };
      seen.push({ method: this.req.method, path: uri, headers: this.req.headers, body });
      return [200, pages[sent.cursor === 'c1' ? 1 : sent.cursor === 'c2' ? 2 : 0]];
    });
  return seen;
}

describe('list', () => {
  it('iterates every key of every page, sending the cursor in the body', async () => {
    const seen = serve();
    const keys: string[] = [];
    for await (const entry of list(client(), { prefix: 'user:', limit: 2 })) keys.push(entry.key);
    expect(keys).toEqual(['user:1', 'user:2', 'user:3', 'user:4']);
    expect(seen.map((s) => s.body)).toEqual([
      { prefix: 'user:', limit: 2 },
      { prefix: 'user:', limit: 2, cursor: 'c1' },
      { prefix: 'user:', limit: 2, cursor: 'c2' },
    ]);
    for (const s of seen) {
      expect(s.method).toBe('POST');
      expect(s.path).toBe('/v1/cache/list');
      expect(s.headers['x-aerostack-key']).toBe(KEY);
      expect(s.headers['content-type']).toBe('application/json');
    }
  });

  it('gives pages with their cursors, and resumes from a saved cursor', async () => {
    const seen = serve();
    const first = await list(client());
    expect(first.items).toEqual(pages[0]!.keys);
    expect(first.body).toEqual(pages[0]);
    expect(first.hasNextPage()).toBe(true);
    expect(first.nextCursor).toBe('c1');

    const resumed = await list(client(), { cursor: first.nextCursor });
    expect(resumed.cursor).toBe('c1');
    expect(resumed.items.map((k) => k.key)).toEqual(['user:3']);
    expect(seen[1]!.body).toEqual({ cursor: 'c1' });

    const sizes: number[] = [];
    for await (const page of list(client(), { cursor: 'c1' }).byPage()) sizes.push(page.items.length);
    expect(sizes).toEqual([1, 1]);
  });

  it('toArray stops fetching once it has enough', async () => {
    const seen = serve();
    expect((await list(client()).toArray({ limit: 2 })).map((k) => k.key)).toEqual(['user:1', 'user:2']);
    expect(seen).toHaveLength(1);
  });

  it('fetches nothing until asked', () => {
    const seen = serve();
    list(client());
    expect(seen).toHaveLength(0);
  });

  it('sends no idempotency key on any page, not even one that was passed (a read)', async () => {
    const seen = serve();
    await list(client(), {}, { idempotencyKey: 'same', headers: { 'X-Trace': 'list' } }).toArray({ limit: 10 });
    expect(seen).toHaveLength(3);
    expect(seen.map((s) => s.headers['idempotency-key'])).toEqual([undefined, undefined, undefined]);
    expect(seen.every((s) => s.headers['x-trace'] === 'list')).toBe(true);
  });
});
