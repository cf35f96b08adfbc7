// The storage URLs the API answers (`/cdn/<project>/<key>`), fetched as a browser or a CDN client
// would: bytes, headers, Range, conditional requests, another project's URL, after delete.
import { createHash, randomBytes } from 'node:crypto';
import type { AerostackClient } from '@aerostack/core';
import * as storage from '@aerostack/storage';
import { describe, expect, it } from 'vitest';
import { client as emulatorClient, KEY_A, KEY_B, useEmulator } from './helpers/emulator';
import { checkError } from './helpers/openapi';

const emu = useEmulator();
/** Cacheable, revalidated before each use (README: Storage URLs). */
const CDN_CACHE_CONTROL = 'public, max-age=0, must-revalidate';
const client = (apiKey = KEY_A): AerostackClient => emulatorClient(emu, apiKey);
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

async function bytesOf(response: Response): Promise<Uint8Array> {
  return new Uint8Array(await response.arrayBuffer());
}

/** A 404 from the CDN route: the platform's error shape, NOT_FOUND. */
async function expectNotFound(url: string): Promise<void> {
  const response = await fetch(url);
  expect(response.status).toBe(404);
  expect(checkError(await response.json()).code).toBe('NOT_FOUND');
}

describe('storage URLs: the bytes and headers', () => {
  it('the URL an upload answers, and getUrl\'s, serve the bytes with type, length, ETag, Last-Modified, Cache-Control', async () => {
    const c = client();
    const { url } = await storage.upload(c, { key: 'site/index.html', file: '<h1>hello</h1>' });
    expect((await storage.getUrl(c, { key: 'site/index.html' })).url).toBe(url);
    const meta = await storage.getMetadata(c, { key: 'site/index.html' });

    const response = await fetch(url);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('<h1>hello</h1>');
    expect(response.headers.get('content-type')).toBe('text/html');
    expect(response.headers.get('content-length')).toBe('14');
    expect(response.headers.get('etag')).toBe(`"${meta.etag}"`);
    expect(response.headers.get('last-modified')).toBe(new Date(meta.lastModified as string).toUTCString());
    expect(response.headers.get('cache-control')).toBe(CDN_CACHE_CONTROL);
    expect(response.headers.get('accept-ranges')).toBe('bytes');

    const head = await fetch(url, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers.get('content-length')).toBe('14');
    expect(head.headers.get('etag')).toBe(`"${meta.etag}"`);
    expect((await bytesOf(head)).length).toBe(0);
  });

  it('keys with spaces, unicode, `/`, `#`, `?`, `%` and `+` round-trip: each segment encoded, decoded back', async () => {
    const c = client();
    const keys = ['my docs/annual report 2024.pdf', 'ünïcödé/日本語/ファイル.txt', 'a/b/c/d/e.bin', 'odd/#hash?query%20&x=1+y.txt', 'emoji/😀 smile.txt'];
    for (const [i, key] of keys.entries()) {
      const body = `file ${i}: ${key}`;
      const { url } = await storage.upload(c, { key, file: body });
      expect(url).not.toMatch(/[ #?]|[^\x00-\x7f]/); // nothing a URL parser would cut or change
      const response = await fetch(url);
      expect(response.status, key).toBe(200);
      expect(await response.text()).toBe(body);
      expect((await storage.getUrl(c, { key })).url).toBe(url);
    }
  });

  it('a 12 MiB object (an R2 multipart upload) streams whole, and a range across a part boundary is exact', async () => {
    const c = client();
    const data = new Uint8Array(randomBytes(12 * 1024 * 1024 + 77));
    const { url } = await storage.upload(c, { key: 'big/video.mp4', file: new Blob([data]) });
    const whole = await fetch(url);
    expect(whole.headers.get('content-length')).toBe(String(data.length));
    expect(sha256(await bytesOf(whole))).toBe(sha256(data));

    const from = 5 * 1024 * 1024 - 1000; // R2 parts are 5 MiB: this range spans parts 1 and 2
    const to = from + 2 * 1024 * 1024;
    const part = await fetch(url, { headers: { range: `bytes=${from}-${to}` } });
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe(`bytes ${from}-${to}/${data.length}`);
    expect(part.headers.get('content-length')).toBe(String(to - from + 1));
    expect(sha256(await bytesOf(part))).toBe(sha256(data.subarray(from, to + 1)));
  });
});

describe('storage URLs: Range', () => {
  const text = '0123456789abcdefghij'; // 20 bytes

  it('206 with Content-Range for a first-last, an open and a suffix range (GET and HEAD); 416 past the end', async () => {
    const { url } = await storage.upload(client(), { key: 'range/digits.txt', file: text });
    const get = (range: string, method = 'GET') => fetch(url, { method, headers: { range } });

    const cases: [string, string, string][] = [
      ['bytes=0-4', '01234', 'bytes 0-4/20'],
      ['bytes=15-', 'fghij', 'bytes 15-19/20'],
      ['bytes=-3', 'hij', 'bytes 17-19/20'],
      ['bytes=18-1000', 'ij', 'bytes 18-19/20'],
      ['bytes=-50', text, 'bytes 0-19/20'],
    ];
    for (const [range, body, contentRange] of cases) {
      const response = await get(range);
      expect(response.status, range).toBe(206);
      expect(response.headers.get('content-range'), range).toBe(contentRange);
      expect(response.headers.get('content-length'), range).toBe(String(body.length));
      expect(await response.text(), range).toBe(body);
    }
    const head = await get('bytes=2-5', 'HEAD');
    expect(head.status).toBe(206);
    expect(head.headers.get('content-range')).toBe('bytes 2-5/20');
    expect(head.headers.get('content-length')).toBe('4');

    for (const range of ['bytes=20-', 'bytes=100-200', 'bytes=-0']) {
      const response = await get(range);
      expect(response.status, range).toBe(416);
      expect(response.headers.get('content-range'), range).toBe('bytes */20');
      expect(checkError(await response.json()).code).toBe('RANGE_NOT_SATISFIABLE');
    }
    expect((await get('bytes=20-', 'HEAD')).status).toBe(416);
  });

  it('a malformed range or several ranges are ignored (200, the whole object); a stale If-Range too', async () => {
    const { url } = await storage.upload(client(), { key: 'range/ignored.txt', file: text });
    for (const range of ['bytes=0-1,5-6', 'items=0-4', 'bytes=5-2', 'bytes=x-y']) {
      const response = await fetch(url, { headers: { range } });
      expect(response.status, range).toBe(200);
      expect(await response.text()).toBe(text);
    }
    const etag = (await fetch(url, { method: 'HEAD' })).headers.get('etag') as string;
    const current = await fetch(url, { headers: { range: 'bytes=0-1', 'if-range': etag } });
    expect(current.status).toBe(206);
    expect(await current.text()).toBe('01');
    const stale = await fetch(url, { headers: { range: 'bytes=0-1', 'if-range': '"not-this-one"' } });
    expect(stale.status).toBe(200);
    expect(await stale.text()).toBe(text);
  });
});

describe('storage URLs: conditional requests', () => {
  it('If-None-Match with the ETag (weak or strong, in a list, or *) is 304 with no body; another tag is 200', async () => {
    const c = client();
    const { url } = await storage.upload(c, { key: 'cond/logo.svg', file: '<svg/>' });
    const first = await fetch(url);
    const etag = first.headers.get('etag') as string;
    const lastModified = first.headers.get('last-modified') as string;
    await first.arrayBuffer();

    for (const ifNoneMatch of [etag, `W/${etag}`, `"other", ${etag}`, '*']) {
      const response = await fetch(url, { headers: { 'if-none-match': ifNoneMatch } });
      expect(response.status, ifNoneMatch).toBe(304);
      expect(response.headers.get('etag')).toBe(etag);
      expect(response.headers.get('cache-control')).toBe(CDN_CACHE_CONTROL);
      expect((await bytesOf(response)).length).toBe(0);
    }
    const head = await fetch(url, { method: 'HEAD', headers: { 'if-none-match': etag } });
    expect(head.status).toBe(304);
    const other = await fetch(url, { headers: { 'if-none-match': '"other"' } });
    expect(other.status).toBe(200);
    expect(await other.text()).toBe('<svg/>');

    // If-Modified-Since (no If-None-Match): 304 at the object's date; If-None-Match wins over it.
    expect((await fetch(url, { headers: { 'if-modified-since': lastModified } })).status).toBe(304);
    expect((await fetch(url, { headers: { 'if-modified-since': new Date(Date.parse(lastModified) - 60_000).toUTCString() } })).status).toBe(200);
    expect((await fetch(url, { headers: { 'if-modified-since': lastModified, 'if-none-match': '"other"' } })).status).toBe(200);

    // If-Match: 412 unless it names the object.
    expect((await fetch(url, { headers: { 'if-match': '"other"' } })).status).toBe(412);
    expect((await fetch(url, { headers: { 'if-match': etag } })).status).toBe(200);

    // Replaced under the same key: the old tag no longer matches, and the new bytes come.
    await storage.upload(c, { key: 'cond/logo.svg', file: '<svg version="2"/>' });
    const replaced = await fetch(url, { headers: { 'if-none-match': etag } });
    expect(replaced.status).toBe(200);
    expect(replaced.headers.get('etag')).not.toBe(etag);
    expect(await replaced.text()).toBe('<svg version="2"/>');
  });
});

describe('storage URLs: 404s', () => {
  it('after delete, after move (the old URL), for another project\'s segment, an unknown project or a bad path', async () => {
    const a = client(KEY_A);
    const b = client(KEY_B);
    const { url: urlA } = await storage.upload(a, { key: 'only-a/secret.txt', file: 'project a' });
    const { url: urlB } = await storage.upload(b, { key: 'shared/name.txt', file: 'project b' });
    const projectA = /\/cdn\/([^/]+)\//.exec(urlA)?.[1] as string;
    const projectB = /\/cdn\/([^/]+)\//.exec(urlB)?.[1] as string;
    expect(projectA).not.toBe(projectB);

    // B's segment with a key only A has; A's segment with a key only B has.
    await expectNotFound(urlA.replace(projectA, projectB));
    await expectNotFound(urlB.replace(projectB, projectA));
    await expectNotFound(urlA.replace(projectA, 'proj_0000000000000000'));
    expect(await (await fetch(urlB)).text()).toBe('project b');

    const origin = emu.emulator.aerostackURL.replace(/\/v1$/, '');
    await expectNotFound(`${origin}/cdn/${projectA}`);
    await expectNotFound(`${origin}/cdn/${projectA}/bad%zzescape`);
    const head = await fetch(urlA.replace(projectA, projectB), { method: 'HEAD' });
    expect(head.status).toBe(404);

    const { url: moved } = await storage.move(a, { sourceKey: 'only-a/secret.txt', destKey: 'only-a/moved.txt' });
    await expectNotFound(urlA);
    expect(await (await fetch(moved)).text()).toBe('project a');
    const { url: copied } = await storage.copy(a, { sourceKey: 'only-a/moved.txt', destKey: 'only-a/copy.txt' });
    expect(await (await fetch(copied)).text()).toBe('project a');

    await storage.remove(a, { key: 'only-a/moved.txt' });
    await expectNotFound(moved);
    expect((await fetch(moved, { method: 'HEAD' })).status).toBe(404);
  });

  it('a page on another origin may read the range headers (CORS)', async () => {
    const { url } = await storage.upload(client(), { key: 'cors/file.txt', file: 'abcdef' });
    const response = await fetch(url, { headers: { origin: 'http://localhost:5173', range: 'bytes=1-2' } });
    expect(response.status).toBe(206);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('access-control-expose-headers')).toContain('content-range');
    expect(await response.text()).toBe('bc');
  });
});
