import { InvalidRequestError, type Client } from '@aerostack/core';
import { describe, expect, it } from 'vitest';
import * as storage from '../src';
import { clientWith, json, scriptedFetch, sentJSON } from './helpers';

/** Every operation that takes a key, called with `key`. */
const byKey: [string, (c: Client, key: string) => PromiseLike<unknown>, string][] = [
  ['upload', (c, key) => storage.upload(c, { key, file: 'x' }), 'key'],
  ['get', (c, key) => storage.get(c, { key }), 'key'],
  ['getUrl', (c, key) => storage.getUrl(c, { key }), 'key'],
  ['remove', (c, key) => storage.remove(c, { key }), 'key'],
  ['exists', (c, key) => storage.exists(c, { key }), 'key'],
  ['getMetadata', (c, key) => storage.getMetadata(c, { key }), 'key'],
  ['copy (sourceKey)', (c, key) => storage.copy(c, { sourceKey: key, destKey: 'ok' }), 'sourceKey'],
  ['copy (destKey)', (c, key) => storage.copy(c, { sourceKey: 'ok', destKey: key }), 'destKey'],
  ['move (sourceKey)', (c, key) => storage.move(c, { sourceKey: key, destKey: 'ok' }), 'sourceKey'],
  ['move (destKey)', (c, key) => storage.move(c, { sourceKey: 'ok', destKey: key }), 'destKey'],
];

const bad: [string, unknown][] = [
  ['empty', ''],
  ['only slashes', '//'],
  ['a ".." segment', 'a/../etc/passwd'],
  ['a leading ".."', '../x'],
  ['a leading "/.."', '/../x'],
  ['a trailing ".."', 'a/..'],
  ['a NUL', 'a\u0000b'],
  ['a newline', 'a\nb'],
  ['a DEL', 'a\u007fb'],
  ['not a string', 42],
];

describe.each(byKey)('%s: keys', (_, call, field) => {
  it.each(bad)('rejects a key with %s before sending, naming it', async (_, key) => {
    const fetch = scriptedFetch();
    const error = await call(clientWith(fetch), key as string).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(InvalidRequestError);
    const e = error as InvalidRequestError;
    expect(e.message).toBe(`${field} ${JSON.stringify(key)}: empty, ".." segment or control character`);
    expect(e.code).toBe('VALIDATION_ERROR');
    expect(e.details).toEqual({ field });
    expect(fetch.calls).toHaveLength(0);
  });
});

describe('keys that are fine', () => {
  it.each([
    ['/a.txt', 'a.txt'],
    ['///a/b.txt', 'a/b.txt'],
    ['a..b/c...d', 'a..b/c...d'],
    ['./x', './x'],
    ['名前/ファイル ✓.txt', '名前/ファイル ✓.txt'],
  ])('%s is sent as %s', async (key, sent) => {
    const fetch = scriptedFetch(json({ exists: true }));
    await storage.exists(clientWith(fetch), { key });
    expect(sentJSON(fetch.calls[0])).toEqual({ key: sent });
  });
});
