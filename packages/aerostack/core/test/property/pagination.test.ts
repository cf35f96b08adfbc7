// Properties of the paginator (src/pagination.ts) in its three styles, through a real client and a
// fake server that splits a random list into random pages behind random (hostile) cursors: items
// come out exactly, in order; byPage() gives the pages; toArray({ limit }) fetches no page it does
// not need; a saved nextCursor resumes with the rest; a failing page fails the loop after the items
// before it.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { JsonValue } from 'fast-check';
import { afterIdPages, Client, get, InternalServerError, listCompletePages, type PagePromise, paginate, post, type Preset, truncatedPages } from '../../src';
import { runs, text } from './support';

type Style = 'listComplete' | 'truncated' | 'afterId';
type Item = JsonValue;

interface Listing {
  style: Style;
  pages: Item[][];
  /** cursors[i]: the cursor of page i (undefined for the first). */
  cursors: (string | undefined)[];
  /** A cursor the last page carries although it is the last (servers do that). */
  stale: string | undefined;
  /** The page whose fetch fails with a 500, if any. */
  failAt: number | undefined;
}

const preset: Preset = { name: 'Fake', baseURL: 'https://fake.test/v1', auth: { header: 'x-key' } };

const cursorText = text({ minLength: 1, maxLength: 12, lineBreaks: true });
// As the item comes out of JSON (-0 is 0 there).
const jsonItem = fc.jsonValue({ maxDepth: 2 }).map((v) => JSON.parse(JSON.stringify(v)) as JsonValue);

/**
 * A listing in one style: cursor styles take any items and empty pages; afterId needs unique ids
 * (hostile text after a counter, sent back in the query) and non-empty pages.
 */
const listing: fc.Arbitrary<Listing> = fc
  .tuple(
    fc.constantFrom<Style>('listComplete', 'truncated', 'afterId'),
    fc.array(fc.array(jsonItem, { maxLength: 5 }), { minLength: 1, maxLength: 10 }),
    fc.uniqueArray(cursorText, { minLength: 10, maxLength: 10 }),
    fc.option(cursorText, { nil: undefined }),
    fc.option(fc.nat(), { nil: undefined, freq: 4 }),
  )
  .map(([style, raw, cursorPool, stale, fail]) => {
    let n = 0;
    const pages =
      style === 'afterId'
        ? raw.filter((p, i) => p.length > 0 || (i === 0 && raw.length === 1)).map((p) => p.map((v) => ({ id: `item_${n}:${cursorPool[n++ % 10]!}`, v })))
        : raw;
    if (pages.length === 0) pages.push([]);
    const cursors = pages.map((_, i) => (i === 0 ? undefined : style === 'afterId' ? (pages[i - 1]!.at(-1) as { id: string }).id : cursorPool[i]));
    return { style, pages, cursors, stale, failAt: fail === undefined ? undefined : fail % pages.length };
  });

/** The page body the server sends for page `i`. */
function pageBody(l: Listing, i: number): unknown {
  const last = i === l.pages.length - 1;
  const items = l.pages[i]!;
  const cursor = last ? l.stale : l.cursors[i + 1];
  if (l.style === 'listComplete') return { keys: items, list_complete: last, ...(cursor !== undefined && { cursor }) };
  if (l.style === 'truncated') return { objects: items, truncated: !last, ...(cursor !== undefined && { cursor }) };
  return { object: 'list', data: items, has_more: !last };
}

/** A client on a fake server for the listing; `seen` records the cursor of every request. */
function server(l: Listing) {
  const seen: (string | undefined)[] = [];
  const fetch = async (input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> => {
    const url = new URL(input instanceof Request ? input.url : input);
    const cursor = l.style === 'afterId' ? (url.searchParams.get('after') ?? undefined) : (JSON.parse(init.body as string) as { cursor?: string }).cursor;
    seen.push(cursor);
    const i = l.cursors.indexOf(cursor);
    if (i < 0) return Response.json({ message: `unknown cursor ${JSON.stringify(cursor)}` }, { status: 400 });
    if (i === l.failAt) return Response.json({ message: 'page failed' }, { status: 500 });
    return Response.json(pageBody(l, i));
  };
  const client = new Client({ apiKey: 'k', fetch, maxRetries: 0, logLevel: 'off' }, preset);
  const list = (start?: string): PagePromise<Item> => {
    switch (l.style) {
      case 'listComplete':
        return paginate((cursor) => post(client, '/cache/list', { prefix: 'p', cursor }), listCompletePages<Item>('keys'), start);
      case 'truncated':
        return paginate((cursor) => post(client, '/storage/list', { cursor }), truncatedPages<Item>('objects'), start);
      case 'afterId':
        return paginate((cursor) => get(client, '/files', { limit: 5, after: cursor }), afterIdPages<{ id: string }>() as never, start);
    }
  };
  return { list, seen };
}

/** The items of the loop, and the error it ended with. */
async function drain<T>(iterable: AsyncIterable<T>): Promise<{ items: T[]; error: unknown }> {
  const items: T[] = [];
  try {
    for await (const item of iterable) items.push(item);
  } catch (error) {
    return { items, error };
  }
  return { items, error: undefined };
}

describe('paginate: properties', () => {
  it('for await yields exactly the items in order, fetching each page once, with its cursor; a failed page fails the loop after the items before it', async () => {
    await fc.assert(
      fc.asyncProperty(listing, async (l) => {
        const { list, seen } = server(l);
        const stop = l.failAt ?? l.pages.length;
        const got = await drain(list());
        expect(got.items).toEqual(l.pages.slice(0, stop).flat());
        expect(seen).toEqual(l.cursors.slice(0, stop + (l.failAt === undefined ? 0 : 1)));
        if (l.failAt === undefined) expect(got.error).toBeUndefined();
        else expect(got.error).toBeInstanceOf(InternalServerError);
      }),
      { numRuns: runs(1500) },
    );
  });

  it('byPage() yields the pages as served, each with its cursor and the next one', async () => {
    await fc.assert(
      fc.asyncProperty(listing.map((l) => ({ ...l, failAt: undefined })), async (l) => {
        const { list } = server(l);
        const pages = (await drain(list().byPage())).items;
        expect(pages.map((p) => p.items)).toEqual(l.pages);
        pages.forEach((p, i) => {
          const last = i === l.pages.length - 1;
          expect(p.cursor).toBe(l.cursors[i]);
          expect(p.nextCursor).toBe(last ? undefined : l.cursors[i + 1]);
          expect(p.hasNextPage()).toBe(!last);
          expect(p.nextPageInfo()).toEqual(last ? null : { cursor: l.cursors[i + 1] });
        });
      }),
      { numRuns: runs(1500) },
    );
  });

  it('toArray({ limit }) gives the first `limit` items and fetches only the pages it needs', async () => {
    await fc.assert(
      fc.asyncProperty(listing.map((l) => ({ ...l, failAt: undefined })), fc.nat(), async (l, n) => {
        const all = l.pages.flat();
        const limit = n % (all.length + 3);
        const { list, seen } = server(l);
        expect(await list().toArray({ limit })).toEqual(all.slice(0, limit));
        // The fewest pages whose items reach `limit` (every page when there are fewer items).
        let needed = 0;
        if (limit > 0) for (let have = 0; needed < l.pages.length && have < limit; needed++) have += l.pages[needed]!.length;
        expect(seen).toHaveLength(needed);
      }),
      { numRuns: runs(1500) },
    );
  });

  it('resuming from any page\'s nextCursor yields exactly the items after that page', async () => {
    await fc.assert(
      fc.asyncProperty(listing.map((l) => ({ ...l, failAt: undefined })), fc.nat(), async (l, k) => {
        const { list, seen } = server(l);
        const pages = (await drain(list().byPage())).items;
        const i = k % pages.length;
        const saved = pages[i]!.nextCursor;
        expect(saved === undefined).toBe(i === pages.length - 1);
        if (saved === undefined) return;
        seen.length = 0;
        const rest = await drain(list(saved));
        expect(rest.items).toEqual(l.pages.slice(i + 1).flat());
        expect(seen).toEqual(l.cursors.slice(i + 1));
      }),
      { numRuns: runs(1000) },
    );
  });

  it('a listing can be iterated again, fetching it again from the start', async () => {
    await fc.assert(
      fc.asyncProperty(listing.map((l) => ({ ...l, failAt: undefined })), async (l) => {
        const { list, seen } = server(l);
        const listing = list();
        expect(seen).toHaveLength(0); // nothing fetched until asked
        const first = await drain(listing);
        const second = await drain(listing);
        expect(second.items).toEqual(first.items);
        expect(seen).toEqual([...l.cursors, ...l.cursors]);
      }),
      { numRuns: runs(500) },
    );
  });
});
