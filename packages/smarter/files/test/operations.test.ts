import { InvalidRequestError, NotFoundError, type SmarterClient } from '@smarter/core';
import { describe, expect, it } from 'vitest';
import { content, create, Files, list, remove, retrieve } from '../src';
import { describeErrors, API, clientWith, failure, FILE, json, KEY, rejection, scriptedFetch } from './helpers';

describe('retrieve', () => {
  it('GETs files/<id>/ (percent-encoded) and resolves to the file object', async () => {
    const fetch = scriptedFetch(json(FILE), json(FILE));
    const client = clientWith(fetch);
    expect(await retrieve(client, { fileId: 'file-abc123' })).toEqual(FILE);
    await new Files(client).retrieve({ fileId: 'a/b c' });
    expect(fetch.calls.map((c) => [c.method, c.url])).toEqual([
      ['GET', `${API}files/file-abc123/`],
      ['GET', `${API}files/a%2Fb%20c/`],
    ]);
    expect(fetch.calls[0]!.headers.authorization).toBe(`Token ${KEY}`);
    expect(fetch.calls[0]!.init.body).toBeUndefined();
  });

  it('is a read: retried after a 503', async () => {
    const fetch = scriptedFetch(failure(503, 'X', 'busy'), json(FILE));
    expect(await retrieve(clientWith(fetch), { fileId: 'file-abc123' })).toEqual(FILE);
    expect(fetch.calls).toHaveLength(2);
  });
});

describe('remove (Files#delete)', () => {
  it('DELETEs files/<id>/ and resolves to the deletion', async () => {
    const deleted = { id: 'file-abc123', object: 'file', deleted: true };
    const fetch = scriptedFetch(json(deleted), json(deleted));
    const client = clientWith(fetch);
    expect(await remove(client, { fileId: 'file-abc123' })).toEqual(deleted);
    expect(await new Files(client).delete({ fileId: 'file-abc123' })).toEqual(deleted);
    expect(fetch.calls.map((c) => [c.method, c.url])).toEqual([
      ['DELETE', `${API}files/file-abc123/`],
      ['DELETE', `${API}files/file-abc123/`],
    ]);
  });
});

describe('content', () => {
  it('GETs files/<id>/content/ and hands back the bytes unread, as a stream or whole', async () => {
    const bytes = new TextEncoder().encode('{"a":1}\n{"a":2}\n');
    const fetch = scriptedFetch(new Response(bytes, { headers: { 'content-type': 'application/octet-stream' } }), new Response(bytes), new Response(bytes));
    const client = clientWith(fetch);
    const { data, response } = await content(client, { fileId: 'file-abc123' }).withResponse();
    expect(data.response).toBe(response);
    expect(data.response.bodyUsed).toBe(false);
    expect(data.body).toBeInstanceOf(ReadableStream);
    expect(await data.bytes()).toEqual(bytes);
    expect(await (await new Files(client).content({ fileId: 'file-abc123' })).text()).toBe('{"a":1}\n{"a":2}\n');
    expect((await (await content(client, { fileId: 'file-abc123' })).blob()).size).toBe(bytes.length);
    const [req] = fetch.calls;
    expect(req!.method).toBe('GET');
    expect(req!.url).toBe(`${API}files/file-abc123/content/`);
    expect(req!.headers.accept).toBe('application/octet-stream, application/json');
  });

  it('streams a large file: the body is read only as you read it', async () => {
    let pulled = 0;
    const source = new ReadableStream<Uint8Array>({
      pull(c) {
        pulled++;
        c.enqueue(new Uint8Array(64 * 1024));
        if (pulled === 100) c.close();
      },
    }, { highWaterMark: 0 });
    const fetch = scriptedFetch(new Response(source));
    const file = await content(clientWith(fetch), { fileId: 'big' });
    const reader = file.body!.getReader();
    await reader.read();
    expect(pulled).toBeLessThanOrEqual(2);
    await reader.cancel();
  });

  it('an error status is JSON and becomes the typed error', async () => {
    const fetch = scriptedFetch(failure(404, 'DoesNotExist', 'File file-x not found'));
    expect(await rejection(content(clientWith(fetch, { maxRetries: 0 }), { fileId: 'file-x' }))).toBeInstanceOf(NotFoundError);
  });
});

describe('input checks', () => {
  it.each([
    ['retrieve', retrieve],
    ['remove', remove],
    ['content', content],
  ] as const)('%s rejects an empty fileId before sending', async (_, op) => {
    const fetch = scriptedFetch();
    const error = await rejection(op(clientWith(fetch), { fileId: '' }));
    expect(error).toBeInstanceOf(InvalidRequestError);
    expect(error).toMatchObject({ code: 'VALIDATION_ERROR', message: 'fileId: a non-empty string', details: { field: 'fileId' } });
    expect(fetch.calls).toHaveLength(0);
  });
});

const ops: Record<string, (client: SmarterClient) => PromiseLike<unknown>> = {
  create: (client) => create(client, { file: 'x', purpose: 'fine-tune' }),
  list: (client) => list(client),
  retrieve: (client) => retrieve(client, { fileId: 'file-1' }),
  remove: (client) => remove(client, { fileId: 'file-1' }),
  content: (client) => content(client, { fileId: 'file-1' }),
};

describeErrors(ops, 'File file-1');

describe.each(Object.entries(ops))('%s: errors', (_, call) => {

  it('platform.smarter.sh today (no such route: an HTML 404) is a NotFoundError', async () => {
    const fetch = scriptedFetch(new Response('<html>Not Found</html>', { status: 404, statusText: 'Not Found' }));
    const error = await rejection(call(clientWith(fetch)));
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).toMatchObject({ message: '404: HTTP 404 Not Found' });
  });
});
