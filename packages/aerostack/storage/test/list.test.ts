import { InvalidRequestError } from '@aerostack/core';
import { describe, expect, it } from 'vitest';
import { list, Storage, type StorageObject } from '../src';
import { API, apiError, clientWith, json, scriptedFetch, sentJSON, STORAGE_ERRORS } from './helpers';

const obj = (key: string): StorageObject => ({ key, size: key.length, lastModified: '2026-03-01T10:00:00Z', contentType: 'image/png', etag: `"${key}"` });

describe('list', () => {
  it('walks every page, sending the cursor of the previous one', async () => {
    const fetch = scriptedFetch(
      json({ objects: [obj('a/1'), obj('a/2')], truncated: true, cursor: 'c1' }, 200, { 'x-request-id': 'req_p1' }),
      json({ objects: [obj('a/3')], truncated: true, cursor: 'c2' }),
      json({ objects: [obj('a/4')], truncated: false }),
    );
    const keys: string[] = [];
    for await (const o of list(clientWith(fetch), { prefix: '/a/', limit: 2 })) keys.push(o.key);
    expect(keys).toEqual(['a/1', 'a/2', 'a/3', 'a/4']);
    expect(fetch.calls.map((c) => [c.method, c.url])).toEqual([
      ['POST', `${API}/storage/list`],
      ['POST', `${API}/storage/list`],
      ['POST', `${API}/storage/list`],
    ]);
    expect(fetch.calls.map(sentJSON)).toEqual([
      { prefix: 'a/', limit: 2 },
      { prefix: 'a/', limit: 2, cursor: 'c1' },
      { prefix: 'a/', limit: 2, cursor: 'c2' },
    ]);
    expect(fetch.calls[0]!.headers['x-aerostack-key']).toBe('ac_secret_test');
    expect(fetch.calls[0]!.headers['content-type']).toBe('application/json');
  });

  it('gives the first page on await, with a cursor to resume from, and resumes', async () => {
    const fetch = scriptedFetch(
      json({ objects: [obj('x')], truncated: true, cursor: 'next-1' }),
      json({ objects: [obj('y')], truncated: false, cursor: 'ignored' }),
    );
    const client = clientWith(fetch);
    const first = await list(client);
    expect(first.items).toEqual([obj('x')]);
    expect(first.hasNextPage()).toBe(true);
    expect(first.nextCursor).toBe('next-1');
    expect(sentJSON(fetch.calls[0])).toEqual({});
    const later = await list(client, { cursor: first.nextCursor });
    expect(later.items).toEqual([obj('y')]);
    expect(later.hasNextPage()).toBe(false); // truncated: false wins over a cursor
    expect(sentJSON(fetch.calls[1])).toEqual({ cursor: 'next-1' });
  });

  it('byPage() and toArray({ limit }) fetch no more pages than needed', async () => {
    const fetch = scriptedFetch(
      json({ objects: [obj('1'), obj('2')], truncated: true, cursor: 'c1' }),
      json({ objects: [obj('3'), obj('4')], truncated: true, cursor: 'c2' }),
    );
    const items = await new Storage(clientWith(fetch)).list({ limit: 2 }).toArray({ limit: 3 });
    expect(items.map((o) => o.key)).toEqual(['1', '2', '3']);
    expect(fetch.calls).toHaveLength(2);

    const pages = scriptedFetch(json({ objects: [obj('p')], truncated: true, cursor: 'c' }), json({ objects: [], truncated: false }));
    const sizes: number[] = [];
    for await (const page of list(clientWith(pages)).byPage()) sizes.push(page.items.length);
    expect(sizes).toEqual([1, 0]);
  });

  it('stops on a page without a cursor even when truncated', async () => {
    const fetch = scriptedFetch(json({ objects: [obj('1')], truncated: true }));
    const items = await list(clientWith(fetch)).toArray({ limit: 100 });
    expect(items).toHaveLength(1);
    expect(fetch.calls).toHaveLength(1);
  });

  it.each([0, -1, 1001, 2.5, Number.NaN])('rejects limit %s before sending', async (limit) => {
    const fetch = scriptedFetch();
    const listing = list(clientWith(fetch), { limit });
    await expect(listing).rejects.toThrow(InvalidRequestError);
    await expect(listing).rejects.toMatchObject({ message: `limit: an integer from 1 to 1000 needed, got ${limit}`, code: 'VALIDATION_ERROR', details: { field: 'limit' } });
    await expect(listing.toArray({ limit: 10 })).rejects.toThrow(InvalidRequestError);
    expect(fetch.calls).toHaveLength(0);
  });

  it('accepts limit 1 and 1000 and an empty prefix; sends a prefix as given, less its leading "/"s', async () => {
    const empty = () => json({ objects: [], truncated: false });
    const fetch = scriptedFetch(empty(), empty(), empty());
    await list(clientWith(fetch), { limit: 1, prefix: '' });
    await list(clientWith(fetch), { limit: 1000, prefix: '/' });
    // A prefix only selects what is listed: no key rules apply to it.
    await list(clientWith(fetch), { prefix: '//a/../b/' });
    expect(fetch.calls.map(sentJSON)).toEqual([{ limit: 1, prefix: '' }, { limit: 1000, prefix: '' }, { prefix: 'a/../b/' }]);
    expect(fetch.calls.every((c) => c.headers['idempotency-key'] === undefined)).toBe(true);
  });

  it.each(STORAGE_ERRORS)('%i on a later page is a %s', async (status, code, ErrorClass) => {
    const fetch = scriptedFetch(json({ objects: [obj('1')], truncated: true, cursor: 'c1' }), apiError(status, code, 'failed', { cursor: 'c1' }));
    const seen: string[] = [];
    const error = await (async () => {
      for await (const o of list(clientWith(fetch, { maxRetries: 0 }))) seen.push(o.key);
    })().then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(seen).toEqual(['1']);
    expect(error).toBeInstanceOf(ErrorClass);
    expect(error).toMatchObject({ status, code, details: { cursor: 'c1' }, requestId: `req_${status}` });
  });
});
