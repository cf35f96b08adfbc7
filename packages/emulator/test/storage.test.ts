// @aerostack/storage against the emulator: the 9 operations over HTTP, on R2.
import { createHash, randomBytes } from 'node:crypto';
import { type AerostackClient, NotFoundError, post } from '@aerostack/core';
import * as storage from '@aerostack/storage';
import { describe, expect, it } from 'vitest';
import { client as emulatorClient, KEY_A, KEY_B, useEmulator } from './helpers/emulator';
import { checkResponse } from './helpers/openapi';

const emu = useEmulator();

/** An SDK client whose every JSON response is checked against the spec (helpers/openapi.ts). */
const client = (apiKey = KEY_A): AerostackClient => emulatorClient(emu, apiKey);

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const origin = () => emu.emulator.aerostackURL.replace(/\/v1$/, '');

/** A stream of `total` random bytes in chunks of 64 KiB, and the sha256 of what it sends. */
function randomStream(total: number): { stream: ReadableStream<Uint8Array>; digest: () => string } {
  const hash = createHash('sha256');
  let sent = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent >= total) return controller.close();
      const chunk = new Uint8Array(randomBytes(Math.min(64 * 1024, total - sent)));
      hash.update(chunk);
      sent += chunk.length;
      controller.enqueue(chunk);
    },
  });
  return { stream, digest: () => hash.digest('hex') };
}

/** A raw POST to the API (bodies the SDK refuses to send). */
async function raw(path: string, body: BodyInit, contentType: string): Promise<{ status: number; json: Record<string, unknown> }> {
  const response = await fetch(emu.emulator.aerostackURL + path, { method: 'POST', headers: { 'content-type': contentType, 'x-aerostack-key': KEY_A }, body });
  const json = (await response.json()) as Record<string, unknown>;
  checkResponse('POST', new URL(response.url).pathname, response.status, json);
  return { status: response.status, json };
}

describe('storage: upload and get', () => {
  it('uploads a Blob, bytes and a string; get answers the bytes with the stored Content-Type', async () => {
    const c = client();
    const { url } = await storage.upload(c, { key: 'docs/hello.txt', file: new Blob(['hello, world']) });
    expect(url).toMatch(new RegExp(`^${origin()}/cdn/proj_[0-9a-f]{16}/docs/hello\\.txt$`));
    await storage.upload(c, { key: '/bin/data', file: new Uint8Array([0, 1, 2, 254, 255]) });
    await storage.upload(c, { key: 'notes/readme', file: 'plain text, no extension', contentType: 'text/markdown' });
    await storage.upload(c, { key: 'img/pic.png', file: new Blob([new Uint8Array([137, 80, 78, 71])], { type: 'image/png' }) });

    const text = await storage.get(c, { key: 'docs/hello.txt' });
    expect(text.contentType).toBe('text/plain');
    expect(text.size).toBe(12);
    expect(text.etag).toEqual(expect.any(String));
    expect(await text.text()).toBe('hello, world');
    const bytes = await storage.get(c, { key: 'bin/data' });
    expect(bytes.contentType).toBe('application/octet-stream');
    expect([...(await bytes.bytes())]).toEqual([0, 1, 2, 254, 255]);
    const md = await storage.get(c, { key: 'notes/readme' });
    expect(md.contentType).toBe('text/markdown');
    expect(await md.text()).toBe('plain text, no extension');
    const png = await storage.get(c, { key: 'img/pic.png' });
    expect(png.contentType).toBe('image/png');
    expect([...(await png.bytes())]).toEqual([137, 80, 78, 71]);

    expect(await storage.getUrl(c, { key: 'docs/hello.txt' })).toEqual({ url });
    expect((await storage.getUrl(c, { key: 'a b/c#d.txt' })).url).toBe(url.replace('docs/hello.txt', 'a%20b/c%23d.txt'));
  });

  it('a 12 MiB Blob: uploaded in R2 parts, downloaded streamed, sha256 equal', async () => {
    const c = client();
    const data = new Uint8Array(randomBytes(12 * 1024 * 1024 + 123));
    await storage.upload(c, { key: 'big/blob.bin', file: new Blob([data]) });
    const file = await storage.get(c, { key: 'big/blob.bin' });
    expect(file.size).toBe(data.length);
    expect(sha256(await file.bytes())).toBe(sha256(data));
    const meta = await storage.getMetadata(c, { key: 'big/blob.bin' });
    expect(meta).toMatchObject({ exists: true, size: data.length, contentType: 'application/octet-stream' });
  });

  it('a streamed upload (ReadableStream, chunked, no Content-Length): 11 MiB and 1 KiB, sha256 equal', async () => {
    const c = client();
    const big = randomStream(11 * 1024 * 1024 + 7);
    await storage.upload(c, { key: 'big/stream.bin', file: big.stream });
    const file = await storage.get(c, { key: 'big/stream.bin' });
    expect(file.size).toBe(11 * 1024 * 1024 + 7);
    expect(sha256(await file.bytes())).toBe(big.digest());

    const small = randomStream(1024);
    await storage.upload(c, { key: 'small/stream.json', file: small.stream });
    const got = await storage.get(c, { key: 'small/stream.json' });
    expect(got.contentType).toBe('application/json');
    expect(sha256(await got.bytes())).toBe(small.digest());
  });

  it('a missing key is a NotFoundError (404 NOT_FOUND); the two projects do not see each other', async () => {
    const a = client();
    const b = client(KEY_B);
    const missing = storage.get(a, { key: 'nope.txt' });
    await expect(missing).rejects.toBeInstanceOf(NotFoundError);
    await expect(missing).rejects.toMatchObject({ status: 404, code: 'NOT_FOUND' });

    await storage.upload(a, { key: 'shared/name.txt', file: 'from A' });
    await storage.upload(b, { key: 'shared/name.txt', file: 'from B' });
    await storage.upload(a, { key: 'only-a.txt', file: 'A' });
    expect(await (await storage.get(a, { key: 'shared/name.txt' })).text()).toBe('from A');
    expect(await (await storage.get(b, { key: 'shared/name.txt' })).text()).toBe('from B');
    await expect(storage.get(b, { key: 'only-a.txt' })).rejects.toBeInstanceOf(NotFoundError);
    expect(await storage.exists(b, { key: 'only-a.txt' })).toEqual({ exists: false });
    expect((await storage.list(b).toArray({ limit: 100 })).map((o) => o.key)).toEqual(['shared/name.txt']);
    const urlA = (await storage.getUrl(a, { key: 'x' })).url;
    const urlB = (await storage.getUrl(b, { key: 'x' })).url;
    expect(urlA).not.toBe(urlB);
    await storage.remove(b, { key: 'only-a.txt' });
    expect(await storage.exists(a, { key: 'only-a.txt' })).toEqual({ exists: true });
  });
});

describe('storage: list, metadata, copy, move, delete', () => {
  it('list: pages of 2 from R2, truncated and cursor from the engine, project prefix stripped', async () => {
    const c = client();
    for (const n of ['a', 'b', 'c', 'd', 'e']) await storage.upload(c, { key: `pages/${n}.txt`, file: n.repeat(3) });
    const sizes: number[] = [];
    for await (const page of storage.list(c, { prefix: 'pages/', limit: 2 }).byPage()) sizes.push(page.items.length);
    expect(sizes).toEqual([2, 2, 1]);
    const first = await post<{ objects: unknown[]; truncated: boolean; cursor?: string }>(c, '/storage/list', { prefix: 'pages/', limit: 2 });
    expect(first.truncated).toBe(true);
    expect(first.cursor).toEqual(expect.any(String));
    const all = await storage.list(c, { prefix: '/pages/', limit: 2 }).toArray({ limit: 100 });
    expect(all.map((o) => o.key)).toEqual(['pages/a.txt', 'pages/b.txt', 'pages/c.txt', 'pages/d.txt', 'pages/e.txt']);
    expect(all[0]).toEqual({ key: 'pages/a.txt', size: 3, contentType: 'text/plain', lastModified: expect.any(String), etag: expect.any(String) });
    expect(Math.abs(Date.parse(all[0]?.lastModified ?? '') - Date.now())).toBeLessThan(60_000);
    const last = await post<{ objects: unknown[]; truncated: boolean; cursor?: string }>(c, '/storage/list', { prefix: 'pages/e' });
    expect(last).toEqual({ objects: [expect.objectContaining({ key: 'pages/e.txt' })], truncated: false });
  });

  it('exists, getMetadata, copy, move, delete', async () => {
    const c = client();
    await storage.upload(c, { key: 'ops/original.json', file: '{"a":1}' });
    expect(await storage.exists(c, { key: 'ops/original.json' })).toEqual({ exists: true });
    expect(await storage.exists(c, { key: 'ops/none' })).toEqual({ exists: false });
    const meta = await storage.getMetadata(c, { key: 'ops/original.json' });
    expect(meta).toEqual({ exists: true, size: 7, contentType: 'application/json', lastModified: expect.any(String), etag: expect.stringMatching(/^[0-9a-f]{32}$/) });
    expect(await storage.getMetadata(c, { key: 'ops/none' })).toEqual({ exists: false });

    const copied = await storage.copy(c, { sourceKey: 'ops/original.json', destKey: 'ops/copy.json' });
    expect(copied).toEqual({ success: true, url: expect.stringMatching(/\/cdn\/proj_[0-9a-f]{16}\/ops\/copy\.json$/) });
    const copy = await storage.get(c, { key: 'ops/copy.json' });
    expect(copy.contentType).toBe('application/json');
    expect(await copy.json()).toEqual({ a: 1 });
    expect((await storage.getMetadata(c, { key: 'ops/copy.json' })).etag).toBe(meta.etag);

    const moved = await storage.move(c, { sourceKey: 'ops/copy.json', destKey: 'ops/moved.json' });
    expect(moved.url).toMatch(/\/ops\/moved\.json$/);
    expect(await storage.exists(c, { key: 'ops/copy.json' })).toEqual({ exists: false });
    expect(await (await storage.get(c, { key: 'ops/moved.json' })).text()).toBe('{"a":1}');
    // Moving onto itself keeps the object.
    await storage.move(c, { sourceKey: 'ops/moved.json', destKey: 'ops/moved.json' });
    expect(await storage.exists(c, { key: 'ops/moved.json' })).toEqual({ exists: true });

    await expect(storage.copy(c, { sourceKey: 'ops/none', destKey: 'ops/x' })).rejects.toMatchObject({ status: 404, code: 'NOT_FOUND' });
    await expect(storage.move(c, { sourceKey: 'ops/none', destKey: 'ops/x' })).rejects.toBeInstanceOf(NotFoundError);

    expect(await storage.remove(c, { key: 'ops/moved.json' })).toEqual({ success: true });
    expect(await storage.remove(c, { key: 'ops/moved.json' })).toEqual({ success: true });
    expect(await storage.exists(c, { key: 'ops/moved.json' })).toEqual({ exists: false });
  });

  it('an upload repeated with the same Idempotency-Key is replayed, not stored again', async () => {
    const c = client();
    const first = await storage.upload(c, { key: 'idem/once.txt', file: 'first' }, { idempotencyKey: 'upload-1' });
    const again = await storage.upload(c, { key: 'idem/once.txt', file: 'second' }, { idempotencyKey: 'upload-1' }).withResponse();
    expect(again.data).toEqual(first);
    expect(again.response.headers.get('idempotent-replayed')).toBe('true');
    expect(await (await storage.get(c, { key: 'idem/once.txt' })).text()).toBe('first');
  });

  it('the Storage class: every method reaches the same routes', async () => {
    const s = new storage.Storage(client());
    await s.upload({ key: 'cls/a.txt', file: 'a' });
    await s.copy({ sourceKey: 'cls/a.txt', destKey: 'cls/b.txt' });
    expect((await s.list({ prefix: 'cls/' }).toArray({ limit: 10 })).map((o) => o.key)).toEqual(['cls/a.txt', 'cls/b.txt']);
    await s.delete({ key: 'cls/a.txt' });
    expect(await s.exists({ key: 'cls/a.txt' })).toEqual({ exists: false });
  });
});

describe('storage: validation', () => {
  const form = (parts: [string, string, string?][], boundary = 'XyZ') =>
    parts.map(([name, value, filename]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"${filename ? `; filename="${filename}"` : ''}\r\n\r\n${value}\r\n`).join('') + `--${boundary}--\r\n`;
  const MULTIPART = 'multipart/form-data; boundary=XyZ';

  it('a ".." segment or an empty key: 400 VALIDATION_ERROR naming the field', async () => {
    for (const key of ['../x', 'a/../b', 'a/..', '', '///']) {
      const { status, json } = await raw('/storage/get', JSON.stringify({ key }), 'application/json');
      expect(status).toBe(400);
      expect(json).toMatchObject({ code: 'VALIDATION_ERROR', details: { fieldErrors: { key: [expect.any(String)] } } });
    }
    expect((await raw('/storage/get', JSON.stringify({ key: 'a..b/..c' }), 'application/json')).status).toBe(404); // not a `..` segment
    const copy = await raw('/storage/copy', JSON.stringify({ sourceKey: 'a', destKey: '../b' }), 'application/json');
    expect(copy.json).toMatchObject({ code: 'VALIDATION_ERROR', details: { fieldErrors: { destKey: [expect.any(String)] } } });
    const list = await raw('/storage/list', JSON.stringify({ limit: 0 }), 'application/json');
    expect(list).toMatchObject({ status: 400, json: { details: { fieldErrors: { limit: [expect.any(String)] } } } });
    const missing = await raw('/storage/move', '{}', 'application/json');
    expect(Object.keys((missing.json.details as { fieldErrors: object }).fieldErrors)).toEqual(['sourceKey', 'destKey']);
  });

  it('upload: 415 for a body that is not multipart; 400 for a bad key, a missing file or key, a malformed body', async () => {
    expect((await raw('/storage/upload', '{"key":"a"}', 'application/json')).status).toBe(415);
    const dotdot = await raw('/storage/upload', form([['key', 'a/../b'], ['file', 'data', 'b']]), MULTIPART);
    expect(dotdot).toMatchObject({ status: 400, json: { code: 'VALIDATION_ERROR', details: { fieldErrors: { key: [expect.any(String)] } } } });
    expect((await raw('/storage/upload', form([['key', 'a.txt']]), MULTIPART)).json).toMatchObject({ details: { fieldErrors: { file: ['Required'] } } });
    expect((await raw('/storage/upload', form([['file', 'data', 'x']]), MULTIPART)).json).toMatchObject({ details: { fieldErrors: { key: ['Required'] } } });
    const cut = await raw('/storage/upload', `--XyZ\r\nContent-Disposition: form-data; name="key"\r\n\r\ncut.txt\r\n--XyZ\r\nContent-Disposition: form-data; name="file"; filename="f"\r\n\r\nno end`, MULTIPART);
    expect(cut).toMatchObject({ status: 400, json: { details: { fieldErrors: { body: [expect.stringContaining('Malformed')] } } } });
    expect(await storage.exists(client(), { key: 'cut.txt' })).toEqual({ exists: false });
  });

  it('upload: a refused 8 MiB upload still reads the body, so the client gets the 400 (not a reset)', async () => {
    const big = 'x'.repeat(8 * 1024 * 1024);
    const refused = await raw('/storage/upload', form([['key', '../escape'], ['file', big, 'f']]), MULTIPART);
    expect(refused).toMatchObject({ status: 400, json: { details: { fieldErrors: { key: [expect.any(String)] } } } });
    expect((await raw('/storage/upload', big, 'text/plain')).status).toBe(415);
  });

  it('upload: a file part before the key field, and a text `file` field, are accepted', async () => {
    const first = await raw('/storage/upload', form([['file', 'file first', 'x.txt'], ['key', 'order/late-key.txt']]), MULTIPART);
    expect(first.status).toBe(200);
    const c = client();
    const got = await storage.get(c, { key: 'order/late-key.txt' });
    expect(got.contentType).toBe('text/plain');
    expect(await got.text()).toBe('file first');
    expect((await raw('/storage/upload', form([['key', 'order/text'], ['file', 'as a field']]), MULTIPART)).status).toBe(200);
    expect(await (await storage.get(c, { key: 'order/text' })).text()).toBe('as a field');
  });
});
