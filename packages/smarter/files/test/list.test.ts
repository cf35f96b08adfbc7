import { InvalidRequestError, type Page } from '@smarter/core';
import { describe, expect, it } from 'vitest';
import { Files, list, type FileListPage, type FileObject } from '../src';
import { API, clientWith, failure, FILE, json, rejection, scriptedFetch } from './helpers';

const file = (n: number): FileObject => ({ ...FILE, id: `file-${n}`, filename: `f${n}.jsonl` });
const page = (ids: number[], has_more: boolean): FileListPage => ({
  object: 'list',
  data: ids.map(file),
  has_more,
  first_id: ids.length ? `file-${ids[0]}` : null,
  last_id: ids.length ? `file-${ids[ids.length - 1]}` : null,
});

describe('list', () => {
  it('fetches page after page as you iterate, each starting after the last id of the one before', async () => {
    const fetch = scriptedFetch(json(page([1, 2], true)), json(page([3, 4], true)), json(page([5], false)));
    const ids: string[] = [];
    for await (const f of list(clientWith(fetch), { purpose: 'fine-tune', limit: 2 })) ids.push(f.id);
    expect(ids).toEqual(['file-1', 'file-2', 'file-3', 'file-4', 'file-5']);
    expect(fetch.calls.map((c) => [c.method, c.url])).toEqual([
      ['GET', `${API}files/?purpose=fine-tune&limit=2`],
      ['GET', `${API}files/?purpose=fine-tune&limit=2&after=file-2`],
      ['GET', `${API}files/?purpose=fine-tune&limit=2&after=file-4`],
    ]);
    expect(fetch.calls[0]!.headers.authorization).toMatch(/^Token /);
  });

  it('gives pages: hasNextPage, nextPageInfo, getNextPage, and the body as sent', async () => {
    const fetch = scriptedFetch(json(page([1, 2], true)), json(page([3], false)));
    const first: Page<FileObject, FileListPage> = await list(clientWith(fetch), { order: 'asc' });
    expect(first.items.map((f) => f.id)).toEqual(['file-1', 'file-2']);
    expect(first.body.data).toHaveLength(2);
    expect(first.hasNextPage()).toBe(true);
    expect(first.nextPageInfo()).toEqual({ cursor: 'file-2' });
    const next = await first.getNextPage();
    expect(next.body.data.map((f) => f.id)).toEqual(['file-3']);
    expect(next.hasNextPage()).toBe(false);
    expect(next.nextPageInfo()).toBeNull();
    await expect(next.getNextPage()).rejects.toBeInstanceOf(InvalidRequestError);
    expect(fetch.calls.map((c) => c.url)).toEqual([`${API}files/?order=asc`, `${API}files/?order=asc&after=file-2`]);
  });

  it('resumes from a saved cursor (after), byPage() walks the pages', async () => {
    const fetch = scriptedFetch(json(page([7, 8], true)), json(page([], false)));
    const pages: string[][] = [];
    for await (const p of new Files(clientWith(fetch)).list({ after: 'file-6' }).byPage()) pages.push(p.items.map((f) => f.id));
    expect(pages).toEqual([['file-7', 'file-8'], []]);
    expect(fetch.calls.map((c) => c.url)).toEqual([`${API}files/?after=file-6`, `${API}files/?after=file-8`]);
  });

  it('is a read: retried after a 500, sending no idempotency key (one given is dropped)', async () => {
    const fetch = scriptedFetch(failure(500, 'X', 'boom'), json(page([1], false)));
    expect(await list(clientWith(fetch), {}, { idempotencyKey: 'k1' }).toArray({ limit: 10 })).toEqual([file(1)]);
    expect(fetch.calls).toHaveLength(2);
    expect(fetch.calls.map((c) => c.headers['idempotency-key'])).toEqual([undefined, undefined]);
  });

  it.each([0, 101, 2.5])('rejects limit %s before sending', async (limit) => {
    const fetch = scriptedFetch();
    const error = await rejection(list(clientWith(fetch), { limit }));
    expect(error).toBeInstanceOf(InvalidRequestError);
    expect(error).toMatchObject({ code: 'VALIDATION_ERROR', message: 'limit: an integer from 1 to 100', details: { field: 'limit' } });
    expect(fetch.calls).toHaveLength(0);
  });
});
