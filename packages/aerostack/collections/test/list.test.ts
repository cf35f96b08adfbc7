import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, expectTypeOf, it } from 'vitest';
import { InvalidResponseError } from '@aerostack/core';
import { collection, list, type FilterValue, type ListPage, type Stored, type Where } from '../src';
import { client, reply } from './helpers';

beforeAll(() => nock.disableNetConnect());
afterEach(() => {
  expect(nock.pendingMocks()).toEqual([]);
  nock.cleanAll();
});
afterAll(() => nock.enableNetConnect());

interface Note {
  text: string;
  pinned: boolean;
  rank: number | null;
  meta: { by: string };
}
const notes = collection<Note>('notes');
const item = (n: number): Stored<Note> => ({ id: `n${n}`, text: `t${n}`, pinned: false, rank: n, meta: { by: 'x' } });
const items = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => item(from + i));

describe('list', () => {
  it('sends each filter stringified into the query, then limit and offset, and answers the first page', async () => {
    const { seen } = reply('GET', '/collections/notes/items?text=a%20b&pinned=true&rank=null&limit=2&offset=0', 200, items(0, 2));
    const page = await list(client(), notes, { where: { text: 'a b', pinned: true, rank: null }, limit: 2 });
    expectTypeOf(page.items).toEqualTypeOf<Stored<Note>[]>();
    expectTypeOf(page.body).toEqualTypeOf<ListPage<Stored<Note>>>();
    expect(page.body).toEqual({ items: items(0, 2), offset: 0, limit: 2 });
    expect(page.hasNextPage()).toBe(true);
    expect(page.nextCursor).toBe('2');
    expect(seen[0]!.method).toBe('GET');
  });

  it('iterates every item, page after page, and stops at a short page', async () => {
    reply('GET', '/collections/notes/items?limit=2&offset=0', 200, items(0, 2));
    reply('GET', '/collections/notes/items?limit=2&offset=2', 200, items(2, 4));
    reply('GET', '/collections/notes/items?limit=2&offset=4', 200, items(4, 5));
    const seen: string[] = [];
    for await (const note of list(client(), notes, { limit: 2 })) seen.push(note.id);
    expect(seen).toEqual(['n0', 'n1', 'n2', 'n3', 'n4']);
  });

  it('a listing of an exact multiple of limit ends on an empty page', async () => {
    reply('GET', '/collections/notes/items?limit=2&offset=0', 200, items(0, 2));
    reply('GET', '/collections/notes/items?limit=2&offset=2', 200, []);
    const pages: ListPage<Stored<Note>>[] = [];
    for await (const page of list(client(), notes, { limit: 2 }).byPage()) pages.push(page.body);
    expect(pages).toEqual([
      { items: items(0, 2), offset: 0, limit: 2 },
      { items: [], offset: 2, limit: 2 },
    ]);
  });

  it('starts at offset, and toArray fetches no more pages than needed', async () => {
    reply('GET', '/collections/notes/items?limit=3&offset=10', 200, items(10, 13));
    reply('GET', '/collections/notes/items?limit=3&offset=13', 200, items(13, 16));
    expect((await list(client(), notes, { limit: 3, offset: 10 }).toArray({ limit: 4 })).map((n) => n.id)).toEqual(['n10', 'n11', 'n12', 'n13']);
  });

  it('sends limit 100 and offset 0 by default, and a number filter as its text', async () => {
    reply('GET', '/collections/notes/items?rank=2.5&limit=100&offset=0', 200, []);
    const page = await list(client(), notes, { where: { rank: 2.5 } });
    expect(page.items).toEqual([]);
    expect(page.hasNextPage()).toBe(false);
  });

  it('an answer that is not an array is an InvalidResponseError', async () => {
    reply('GET', '/collections/notes/items?limit=100&offset=0', 200, { items: [] });
    await expect(list(client(), notes).then((p) => p.items)).rejects.toBeInstanceOf(InvalidResponseError);
  });

  it('types the filters: only the scalar fields (and id), with their types; any scalar for an untyped collection', () => {
    expectTypeOf<Where<Note>>().toEqualTypeOf<{ id?: string; text?: string; pinned?: boolean; rank?: number | null }>();
    expectTypeOf<Where<Record<string, unknown>>>().toEqualTypeOf<Record<string, FilterValue>>();
  });
});
