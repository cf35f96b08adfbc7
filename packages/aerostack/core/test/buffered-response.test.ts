// The Node transport's Response over a body read whole: it must behave as a fetched Response
// does, whichever way the body is read, and only once.
import { describe, expect, it } from 'vitest';
import { BufferedResponse } from '../src/node/buffered-response';

const URL_ = 'http://127.0.0.1:1/v1/cache/get';
const TEXT = '{"value":"héllo","exists":true}';
const make = () => new BufferedResponse(new TextEncoder().encode(TEXT), { status: 201, statusText: 'Created', headers: { 'content-type': 'application/json', 'x-request-id': 'req_1' } }, URL_);

describe('BufferedResponse', () => {
  it('is a Response with the status, headers and URL it was given', () => {
    const r = make();
    expect(r).toBeInstanceOf(Response);
    expect([r.status, r.statusText, r.ok, r.url, r.headers.get('x-request-id'), r.bodyUsed]).toEqual([201, 'Created', true, URL_, 'req_1', false]);
  });

  it.each([
    ['text', (r: Response) => r.text(), TEXT],
    ['json', (r: Response) => r.json(), JSON.parse(TEXT) as unknown],
    ['arrayBuffer', async (r: Response) => new TextDecoder().decode(await r.arrayBuffer()), TEXT],
    ['blob', async (r: Response) => (await r.blob()).text(), TEXT],
    ['body stream', async (r: Response) => new Response(r.body).text(), TEXT],
  ] as const)('reads its body with %s, once: then it is used and every read is refused', async (_, read, expected) => {
    const r = make();
    expect(await read(r)).toEqual(expected);
    expect(r.bodyUsed).toBe(true);
    await expect(r.text()).rejects.toThrow(TypeError);
    await expect(r.json()).rejects.toThrow(TypeError);
    await expect(r.blob()).rejects.toThrow(TypeError);
    expect(() => r.clone()).toThrow(TypeError);
  });

  it('clones before a read: each copy reads the whole body, with the URL', async () => {
    const r = make();
    const copy = r.clone();
    expect(copy.url).toBe(URL_);
    expect(await copy.text()).toBe(TEXT);
    expect(await r.json()).toEqual(JSON.parse(TEXT));
  });

  it("an arrayBuffer is the response's own copy", async () => {
    const bytes = new TextEncoder().encode(TEXT);
    const buffer = await new BufferedResponse(bytes, { status: 200 }, URL_).arrayBuffer();
    new Uint8Array(buffer).fill(0);
    expect(new TextDecoder().decode(bytes)).toBe(TEXT);
  });

  it("answers bytes() from its bytes where the runtime's Response has the method (Node 22), and has none where it has not", async () => {
    const r = make();
    if ('bytes' in Response.prototype) expect(new TextDecoder().decode(await r.bytes())).toBe(TEXT);
    else expect((r as { bytes?: unknown }).bytes).toBeUndefined();
  });
});
