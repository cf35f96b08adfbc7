// Every kind of RequestBody (the core's own name for a raw body, src/web-types.ts) reaches the server
// byte for byte through both transports, views at an offset included; and every value the DOM's
// BodyInit admits is still a RequestBody (checked by `pnpm typecheck`, which covers this file).

import { Buffer } from 'node:buffer';
import { describe, expect, it } from 'vitest';
import type { RequestBody } from '../src/node';
import { readBody, sendJSON } from './local-server';
import { aerostack, TRANSPORTS, useServer } from './transports';
import { request } from '../src';

// Compile-time: what the DOM's BodyInit took is taken (the DOM library is on for the tests), and a
// number is not (RequestBody is no `any`).
export const fromBodyInit = (body: BodyInit): RequestBody => body;
// @ts-expect-error a number is no body
export const notABody: RequestBody = 42;

const local = useServer();
const text = 'héllo, body';
const bytes = new TextEncoder().encode(text);
/** `bytes` inside a larger buffer, two bytes in: a view whose offset must be honoured. */
const padded = new Uint8Array(bytes.length + 4);
padded.set(bytes, 2);

const bodies: [string, () => RequestBody, string][] = [
  ['a string', () => text, text],
  ['an ArrayBuffer', () => bytes.slice().buffer, text],
  ['a Uint8Array at an offset', () => padded.subarray(2, 2 + bytes.length), text],
  ['a DataView at an offset', () => new DataView(padded.buffer, 2, bytes.length), text],
  ['a Node Buffer', () => Buffer.from(text), text],
  ['a Blob', () => new Blob([bytes]), text],
  ['a ReadableStream<Uint8Array>', () => new Blob([bytes]).stream(), text],
  ['URLSearchParams', () => new URLSearchParams({ a: '1', b: 'two words' }), 'a=1&b=two+words'],
];

describe.each(TRANSPORTS)('%s transport', (transport) => {
  it.each(bodies)('sends %s as is', async (_, body, expected) => {
    local.server.handle(async (req, res) => sendJSON(res, { got: new TextDecoder().decode(await readBody(req)) }));
    const answer = await request<{ got: string }>(aerostack(local.server, transport), { method: 'PUT', path: '/raw', rawBody: body(), contentType: 'application/octet-stream' });
    expect(answer.got).toBe(expected);
  });

  it('sends FormData as multipart/form-data, with its boundary', async () => {
    local.server.handle(async (req, res) => sendJSON(res, { type: req.headers['content-type'], got: new TextDecoder().decode(await readBody(req)) }));
    const form = new FormData();
    form.append('field', 'value');
    const answer = await request<{ type: string; got: string }>(aerostack(local.server, transport), { method: 'POST', path: '/raw', rawBody: form });
    const boundary = /boundary=(.+)$/.exec(answer.type)?.[1] ?? '';
    expect(answer.type).toMatch(/^multipart\/form-data; boundary=/);
    expect(answer.got).toContain(`--${boundary}\r\nContent-Disposition: form-data; name="field"\r\n\r\nvalue\r\n--${boundary}--`);
  });
});
