import { InvalidRequestError, type Client } from '@aerostack/core';
import { describe, expect, it } from 'vitest';
import * as storage from '../src';
import { clientWith, json, scriptedFetch, sentJSON } from './helpers';

/** Every operation that takes a key, called with `key`. */
const byKey: [string, (c: Client, key: string) => unknown][] = [
  ['upload', (c, key) => storage.upload(c, { key, file: 'x' })],
  ['get', (c, key) => storage.get(c, { key })],
  ['getUrl', (c, key) => storage.getUrl(c, { key })],
  ['remove', (c, key) => storage.remove(c, { key })],
  ['exists', (c, key) => storage.exists(c, { key })],
  ['getMetadata', (c, key) => storage.getMetadata(c, { key })],
  ['copy (sourceKey)', (c, key) => storage.copy(c, { sourceKey: key, destKey: 'ok' })],
  ['copy (destKey)', (c, key) => storage.copy(c, { sourceKey: 'ok', destKey: key })],
  ['move (sourceKey)', (c, key) => storage.move(c, { sourceKey: key, destKey: 'ok' })],
  ['move (destKey)', (c, key) => storage.move(c, { sourceKey: 'ok', destKey: key })],
];

const bad: [string, unknown, RegExp][] = [
  ['empty', '', /must not be empty/],
  ['only slashes', '//', /must not be empty/],
  ['a ".." segment', 'a/../etc/passwd', /must not contain "\.\." segments/],
  ['a leading ".."', '../x', /"\.\." segments/],
  ['a trailing ".."', 'a/..', /"\.\." segments/],
  ['a NUL', 'a\u0000b', /control characters/],
  ['a newline', 'a\nb', /control characters/],
  ['a DEL', 'a\u007fb', /control characters/],
  ['not a string', 42, /must be a string/],
];

describe.each(byKey)('%s: keys', (_, call) => {
  it.each(bad)('rejects a key with %s before sending, naming it', (_, key, why) => {
    const fetch = scriptedFetch();
    let error: unknown;
    try {
      call(clientWith(fetch), key as string);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InvalidRequestError);
    const e = error as InvalidRequestError;
    expect(e.message).toMatch(why);
    expect(e.message).toContain(JSON.stringify(key));
    expect(e.code).toBe('VALIDATION_ERROR');
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
