import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { Cache, VERSION } from '../src';
import pkg from '../package.json';
import { answer, client, expectPost } from './helpers';

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

describe('Cache', () => {
  it('keeps its client', () => {
    const c = client();
    expect(new Cache(c).client).toBe(c);
  });

  it('calls the same operations, passing options through', async () => {
    const c = new Cache(client());
    const wire: [string, unknown, unknown, () => PromiseLike<unknown>][] = [
      ['/cache/get', { key: 'a' }, { value: '1', exists: true }, () => c.get({ key: 'a' })],
      ['/cache/set', { key: 'a', value: [1], ttl: 9 }, { success: true }, () => c.set({ key: 'a', value: [1], ttl: 9 })],
      ['/cache/delete', { key: 'a' }, { success: true }, () => c.delete({ key: 'a' })],
      ['/cache/getMany', { keys: ['a'] }, { results: [] }, () => c.getMany({ keys: ['a'] })],
      ['/cache/setMany', { entries: [{ key: 'a', value: 1 }] }, { success: true, count: 1 }, () => c.setMany({ entries: [{ key: 'a', value: 1 }] })],
      ['/cache/deleteMany', { keys: ['a'] }, { success: true, count: 1, deleted: 1 }, () => c.deleteMany({ keys: ['a'] })],
      ['/cache/keys', { prefix: 'p' }, { keys: ['p1'], truncated: false }, () => c.keys({ prefix: 'p' })],
      ['/cache/flush', { prefix: 'p' }, { success: true, deleted: 1 }, () => c.flush({ prefix: 'p' })],
      ['/cache/expire', { key: 'a', ttl: 1 }, { success: true }, () => c.expire({ key: 'a', ttl: 1 })],
      ['/cache/increment', { key: 'a', amount: 2 }, { value: 2 }, () => c.increment({ key: 'a', amount: 2 })],
    ];
    for (const [path, body, reply, call] of wire) {
      const { seen } = answer(path, 200, reply);
      expect(await call()).toEqual(reply);
      expectPost(seen, path, body);
    }
  });

  it('lists with the paginator', async () => {
    const { seen } = answer('/cache/list', 200, { keys: [{ key: 'a', expiration: null }], list_complete: true });
    expect(await new Cache(client()).list({ prefix: 'a' }).toArray({ limit: 5 })).toEqual([{ key: 'a', expiration: null }]);
    expectPost(seen, '/cache/list', { prefix: 'a' });
  });

  it('passes per-call options', async () => {
    const { seen } = answer('/cache/get', 200, { value: null, exists: false });
    await new Cache(client()).get({ key: 'a' }, { headers: { 'X-Project-Id': 'p1' } });
    expect(seen[0]!.headers['x-project-id']).toBe('p1');
  });

  it('exports the package version', () => {
    expect(VERSION).toBe(pkg.version);
  });
});
