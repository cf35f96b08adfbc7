// AI chat from an OpenAI-compatible upstream (the `aiUpstream` option): a local stand-in for such a
// server records what the emulator sends it and answers JSON or SSE, or fails.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { chat, chatStream, collectText } from '@aerostack/ai';
import { AerostackClient, InternalServerError, type APIError } from '@aerostack/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from '../src/index';
import { responseProblems } from './helpers/openapi';

const KEY = 'ac_secret_upstream_test';
const seen: { path: string; authorization: string | undefined; body: Record<string, unknown> }[] = [];
let failNext = 0;

async function read(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString()) as Record<string, unknown>;
}

const upstream: Server = createServer((req, res) => {
  void read(req).then((body) => {
    seen.push({ path: req.url ?? '', authorization: req.headers.authorization, body });
    if (failNext > 0) {
      failNext--;
      res.writeHead(500, { 'content-type': 'application/json' }).end('{"error":{"message":"upstream exploded, secret=abc"}}');
      return;
    }
    const base = { id: 'chatcmpl-up', created: 1, model: String(body.model) };
    if (body.stream === true) {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      for (const piece of ['Hello', ' from', ' upstream']) res.write(`data: ${JSON.stringify({ ...base, object: 'chat.completion.chunk', choices: [{ index: 0, delta: { content: piece }, finish_reason: null }] })}\n\n`);
      res.end('data: [DONE]\n\n');
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ ...base, object: 'chat.completion', choices: [{ index: 0, message: { role: 'assistant', content: 'Hello from upstream' }, finish_reason: 'stop' }], usage: { prompt_tokens: 2, completion_tokens: 3, total_tokens: 5 } }));
  });
});

let emulator: Emulator;
let client: AerostackClient;
const messages = [{ role: 'user' as const, content: 'hi there' }];

beforeAll(async () => {
  await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
  const { port } = upstream.address() as AddressInfo;
  emulator = await startEmulator({ aerostackPort: 0, smarterPort: 0, inMemory: true, keys: [KEY], aiUpstream: { baseURL: `http://127.0.0.1:${port}/v1/`, apiKey: 'sk-upstream', model: 'up-model' } });
  client = new AerostackClient({ apiKey: KEY, baseURL: emulator.aerostackURL, logLevel: 'off', maxRetries: 0 });
});
afterAll(async () => {
  await emulator.stop();
  await new Promise((resolve) => upstream.close(resolve));
});

describe('aiUpstream', () => {
  it('a plain chat is the upstream answer; the request went on with the upstream key and model', async () => {
    const { data, response } = await chat(client, { messages, temperature: 0.3 }).withResponse();
    expect(data.choices?.[0]?.message.content).toBe('Hello from upstream');
    expect(responseProblems('POST', new URL(response.url).pathname, 200, data)).toEqual([]);
    expect(seen.at(-1)).toEqual({ path: '/v1/chat/completions', authorization: 'Bearer sk-upstream', body: { messages, temperature: 0.3, model: 'up-model' } });
  });

  it('a streamed chat passes the upstream frames through', async () => {
    expect(await collectText(await chatStream(client, { messages }))).toBe('Hello from upstream');
    expect(seen.at(-1)?.body).toMatchObject({ stream: true, model: 'up-model' });
  });

  it('an upstream failure is 502 UPSTREAM_ERROR naming its status, never its body', async () => {
    failNext = 1;
    const error: unknown = await chat(client, { messages }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InternalServerError);
    expect(error).toMatchObject({ status: 502, code: 'UPSTREAM_ERROR', details: { upstreamStatus: 500 } });
    expect(JSON.stringify(error)).not.toContain('secret=abc');
    expect((error as APIError).message).toContain('500');
  });
});
