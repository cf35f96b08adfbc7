import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { AerostackClient, afterIdPages, get, InvalidRequestError, listCompletePages, type Page, paginate, post, truncatedPages } from '../src';
import { json, plainClient, scriptedFetch } from './helpers';

interface CacheKey { key: string; expiration: number | null }
interface Job { id: string; status: string }

const API = 'https://api.aerostack.dev';
beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

/** The cache listing as a service package would write it. */
function listKeys(client: AerostackClient, params: { prefix?: string; limit?: number; cursor?: string } = {}) {
  return paginate<CacheKey>((cursor) => post(client, '/cache/list', { ...params, cursor }), listCompletePages('keys'), params.cursor);
}

const keys = (...names: string[]) => names.map((key) => ({ key, expiration: null }));

describe('body cursor with list_complete', () => {
  it('yields every item across pages, sending each cursor in the body', async () => {
    const bodies: unknown[] = [];
    nock(API)
      .post('/v1/cache/list', (b) => (bodies.push(b), true))
      .reply(200, { keys: keys('a', 'b'), list_complete: false, cursor: 'c1' })
      .post('/v1/cache/list', (b) => (bodies.push(b), true))
      .reply(200, { keys: keys('c'), list_complete: false, cursor: 'c2' })
      .post('/v1/cache/list', (b) => (bodies.push(b), true))
      .reply(200, { keys: keys('d'), list_complete: true });
    const client = new AerostackClient({ apiKey: 'k' });
    const seen: string[] = [];
    for await (const item of listKeys(client, { prefix: 'user:', limit: 2 })) seen.push(item.key);
    expect(seen).toEqual(['a', 'b', 'c', 'd']);
    expect(bodies).toEqual([
      { prefix: 'user:', limit: 2 },
      { prefix: 'user:', limit: 2, cursor: 'c1' },
      { prefix: 'user:', limit: 2, cursor: 'c2' },
    ]);
  });

  it('gives pages with byPage(), each exposing the cursor to resume from', async () => {
    const fetch = scriptedFetch(
      json({ keys: keys('a'), list_complete: false, cursor: 'c1' }),
      json({ keys: keys('b'), list_complete: true, cursor: 'ignored-when-complete' }),
    );
    const pages: Page<CacheKey>[] = [];
    for await (const page of listKeys(new AerostackClient({ apiKey: 'k', fetch })).byPage()) pages.push(page);
    expect(pages.map((p) => [p.cursor, p.items.map((i) => i.key), p.nextCursor, p.hasNextPage()])).toEqual([
      [undefined, ['a'], 'c1', true],
      ['c1', ['b'], undefined, false],
    ]);
    expect(pages[0]!.response.status).toBe(200);
    expect(Object.keys(pages[0]!)).toEqual(['body', 'response', 'items', 'cursor', 'nextCursor']);
    expect(pages[0]!.body).toEqual({ keys: keys('a'), list_complete: false, cursor: 'c1' });
  });

  it('resumes a listing later from a saved cursor', async () => {
    const fetch = scriptedFetch(json({ keys: keys('x'), list_complete: false, cursor: 'c9' }), json({ keys: keys('y'), list_complete: true }));
    const client = new AerostackClient({ apiKey: 'k', fetch });
    const first = await listKeys(client);
    const saved = first.nextCursor!;
    const rest = await listKeys(client, { cursor: saved }).toArray({ limit: 100 });
    expect(rest.map((i) => i.key)).toEqual(['y']);
    expect(JSON.parse(fetch.calls[1]!.body!)).toEqual({ cursor: 'c9' });
  });

  it('fetches nothing until asked, and no more pages than toArray needs', async () => {
    const fetch = scriptedFetch(json({ keys: keys('a', 'b'), list_complete: false, cursor: 'c1' }), json({ keys: keys('c'), list_complete: true }));
    const listing = listKeys(new AerostackClient({ apiKey: 'k', fetch }));
    expect(fetch.calls).toHaveLength(0);
    expect((await listing.toArray({ limit: 2 })).map((i) => i.key)).toEqual(['a', 'b']);
    expect(fetch.calls).toHaveLength(1);
  });

  it('requires a limit to collect, and says how', async () => {
    const listing = listKeys(new AerostackClient({ apiKey: 'k', fetch: scriptedFetch() }));
    // @ts-expect-error limit is required
    await expect(listing.toArray({})).rejects.toThrow(InvalidRequestError);
    await expect(listing.toArray({ limit: 0 })).resolves.toEqual([]);
  });

  it('page methods of the seed: hasNextPage, nextPageInfo, getNextPage', async () => {
    const fetch = scriptedFetch(json({ keys: keys('a'), list_complete: false, cursor: 'c1' }), json({ keys: [], list_complete: true }));
    const page = await listKeys(new AerostackClient({ apiKey: 'k', fetch }));
    expect(page.nextPageInfo()).toEqual({ cursor: 'c1' });
    const next = await page.getNextPage();
    expect(next.items).toEqual([]);
    expect(next.nextPageInfo()).toBeNull();
    const error = await next.getNextPage().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidRequestError);
    expect((error as Error).message).toBe('No next page: check hasNextPage() first');
  });
});

describe('cursors', () => {
  it('takes no cursor from a page that says it is the last, nor an empty or non-string one', () => {
    const style = listCompletePages<string>('keys');
    expect(style.next({ keys: [], list_complete: false, cursor: 'c' }, [])).toBe('c');
    expect(style.next({ keys: [], list_complete: true, cursor: 'c' }, [])).toBeUndefined();
    expect(style.next({ keys: [], list_complete: false, cursor: '' }, [])).toBeUndefined();
    expect(style.next({ keys: [], list_complete: false, cursor: 7 }, [])).toBeUndefined();
    expect(style.next({ keys: [], list_complete: false }, [])).toBeUndefined();
    expect(style.items({})).toEqual([]);
  });
});

describe('body cursor with truncated', () => {
  it('continues while truncated is true', async () => {
    const fetch = scriptedFetch(
      json({ objects: [{ key: 'a.png' }], truncated: true, cursor: 't1' }),
      json({ objects: [{ key: 'b.png' }], truncated: false }),
    );
    const client = new AerostackClient({ apiKey: 'k', fetch });
    const all = await paginate<{ key: string }>((cursor) => post(client, '/storage/list', { cursor }), truncatedPages('objects')).toArray({ limit: 10 });
    expect(all.map((o) => o.key)).toEqual(['a.png', 'b.png']);
  });
});

describe('OpenAI-style after/has_more', () => {
  it('asks for the page after the last id, in the query', async () => {
    const fetch = scriptedFetch(
      json({ object: 'list', data: [{ id: 'ftjob-1', status: 'succeeded' }, { id: 'ftjob-2', status: 'running' }], has_more: true }),
      json({ object: 'list', data: [{ id: 'ftjob-3', status: 'queued' }], has_more: false }),
    );
    const client = plainClient({ fetch });
    const jobs = paginate<Job>((after) => get(client, 'fine_tuning/jobs/', { limit: 2, after }), afterIdPages<Job>());
    const ids: string[] = [];
    for await (const job of jobs) ids.push(job.id);
    expect(ids).toEqual(['ftjob-1', 'ftjob-2', 'ftjob-3']);
    expect(fetch.calls.map((c) => c.url)).toEqual([
      'https://plain.test/api/v1/fine_tuning/jobs/?limit=2',
      'https://plain.test/api/v1/fine_tuning/jobs/?limit=2&after=ftjob-2',
    ]);
  });

  it('stops on has_more false even with items, and on an empty page', async () => {
    const fetch = scriptedFetch(json({ data: [], has_more: true }));
    const client = plainClient({ fetch });
    const all = await paginate<Job>((after) => get(client, 'x/', { after }), afterIdPages<Job>()).toArray({ limit: 5 });
    expect(all).toEqual([]);
    expect(fetch.calls).toHaveLength(1);
  });

  it('passes errors of a later page to the loop', async () => {
    const fetch = scriptedFetch(json({ data: [{ id: 'a' }], has_more: true }), json({ error: { message: 'nope' } }, 400));
    const client = plainClient({ fetch });
    const seen: string[] = [];
    await expect(
      (async () => {
        for await (const j of paginate<Job>((after) => get(client, 'x/', { after }), afterIdPages<Job>())) seen.push(j.id);
      })(),
    ).rejects.toThrow('400: nope');
    expect(seen).toEqual(['a']);
  });
});
