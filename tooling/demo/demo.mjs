#!/usr/bin/env node
// `pnpm demo`: a tour of @aerostack/core, built, against a small local server that answers a few
// Aerostack routes from memory. The emulator (Miniflare: D1, KV, R2, Queues) replaces this
// server when it lands; until then this shows the client's behaviour over real HTTP: a rate
// limit recovered by retry, a paginated listing, a streamed chat, a multipart upload, typed
// errors. Exits 0 only if every step did what it claims.
import { createServer } from 'node:http';
import { AerostackClient, AuthenticationError, multipart, NotFoundError, listCompletePages, paginate, streamRequest } from '@aerostack/core';

const KEY = 'ac_secret_demo';
const cache = new Map();
const files = new Map();
let rateLimited = false;

const server = createServer(async (req, res) => {
  const chunks = [];
  for await (const c of req) chunks.push(c);
  const raw = Buffer.concat(chunks);
  const send = (status, body, headers = {}) => {
    res.writeHead(status, { 'content-type': 'application/json', 'x-request-id': `req_${Math.random().toString(36).slice(2, 10)}`, ...headers });
    res.end(JSON.stringify(body));
  };
  if (req.headers['x-aerostack-key'] !== KEY) return send(401, { code: 'AUTH_INVALID_KEY', message: 'Invalid or missing API key' });
  const body = req.headers['content-type']?.startsWith('application/json') ? JSON.parse(raw.toString() || '{}') : {};
  switch (req.url) {
    case '/v1/cache/set':
      cache.set(body.key, body.value);
      return send(200, { success: true });
    case '/v1/cache/get':
      // The first read is rate limited once, to show Retry-After being honoured.
      if (!rateLimited) {
        rateLimited = true;
        return send(429, { code: 'RATE_LIMIT_EXCEEDED', message: 'Too many requests' }, { 'retry-after': '1' });
      }
      return send(200, { value: cache.get(body.key) ?? null, exists: cache.has(body.key) });
    case '/v1/cache/list': {
      const keys = [...cache.keys()].filter((k) => k.startsWith(body.prefix ?? '')).sort();
      const start = Number(body.cursor ?? 0);
      const page = keys.slice(start, start + (body.limit ?? 100)).map((key) => ({ key, expiration: null }));
      const next = start + page.length;
      return send(200, next < keys.length ? { keys: page, list_complete: false, cursor: String(next) } : { keys: page, list_complete: true });
    }
    case '/v1/ai/chat': {
      const words = `You said: ${body.messages.at(-1).content}`.split(/(?= )/);
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      for (const word of words) res.write(`data: ${JSON.stringify({ choices: [{ index: 0, delta: { content: word } }] })}\n\n`);
      res.write(`data: ${JSON.stringify({ choices: [], usage: { prompt_tokens: 3, completion_tokens: words.length, total_tokens: 3 + words.length } })}\n\n`);
      return res.end('data: [DONE]\n\n');
    }
    case '/v1/storage/upload': {
      const form = await new Request('http://x', { method: 'POST', headers: { 'content-type': req.headers['content-type'] }, body: raw }).formData();
      const file = form.get('file');
      files.set(form.get('key'), { size: file.size, type: file.type });
      return send(200, { url: `http://127.0.0.1/cdn/${form.get('key')}` });
    }
    case '/v1/storage/getMetadata':
      if (!files.has(body.key)) return send(404, { code: 'NOT_FOUND', message: `No object at ${body.key}` });
      return send(200, { exists: true, ...files.get(body.key) });
    default:
      return send(404, { code: 'NOT_FOUND', message: `No route ${req.url}` });
  }
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const baseURL = `http://127.0.0.1:${server.address().port}/v1`;
console.log(`Local server at ${baseURL} (a stand-in until the emulator lands)\n`);

const client = new AerostackClient({ apiKey: KEY, baseURL, logLevel: 'warn' });
const steps = [];
async function step(name, fn) {
  const started = performance.now();
  try {
    const detail = await fn();
    steps.push({ step: name, result: 'ok', detail, ms: Math.round(performance.now() - started) });
    console.log(`✔ ${name}: ${detail}`);
  } catch (error) {
    steps.push({ step: name, result: 'FAILED', detail: error.message, ms: Math.round(performance.now() - started) });
    console.log(`✘ ${name}: ${error.message}`);
  }
}
const check = (ok, detail) => {
  if (!ok) throw new Error(`unexpected: ${detail}`);
  return detail;
};

await step('cache: write 5 keys', async () => {
  for (const n of [1, 2, 3, 4, 5]) await client.post('/cache/set', { key: `user:${n}`, value: `name-${n}` });
  return check(cache.size === 5, '5 keys written');
});
await step('cache: read through a 429 (Retry-After: 1 s)', async () => {
  const started = Date.now();
  const { data, requestId } = await client.post('/cache/get', { key: 'user:3' }).withResponse();
  const waited = Date.now() - started;
  return check(data.value === 'name-3' && waited >= 1000, `"${data.value}" after a retry ${waited} ms later (request ${requestId})`);
});
await step('cache: list 2 per page', async () => {
  const pages = [];
  const listing = paginate((cursor) => client.post('/cache/list', { prefix: 'user:', limit: 2, cursor }), listCompletePages('keys'));
  for await (const page of listing.byPage()) pages.push(page.items.map((k) => k.key).join(','));
  return check(pages.length === 3, `${pages.length} pages: ${pages.join(' | ')}`);
});
await step('ai: streamed chat', async () => {
  const stream = await streamRequest(client, { method: 'POST', path: '/ai/chat', body: { messages: [{ role: 'user', content: 'hello stream' }], stream: true } });
  let text = '';
  let usage;
  for await (const chunk of stream) {
    text += chunk.choices[0]?.delta.content ?? '';
    usage ??= chunk.usage;
  }
  return check(text === 'You said: hello stream' && usage?.total_tokens > 0, `"${text}" (${usage?.total_tokens} tokens)`);
});
await step('storage: multipart upload of a streamed file', async () => {
  const bytes = new TextEncoder().encode('x'.repeat(256 * 1024));
  const data = new ReadableStream({ start: (c) => (c.enqueue(bytes), c.close()) });
  const form = multipart({ key: 'reports/big.txt', file: { data, filename: 'big.txt', contentType: 'text/plain' } });
  const { url } = await client.request({ method: 'POST', path: '/storage/upload', rawBody: form.body, contentType: form.contentType });
  return check(files.get('reports/big.txt')?.size === bytes.length, `${bytes.length} bytes stored, ${url}`);
});
await step('errors: a missing object is a NotFoundError', async () => {
  const error = await client.post('/storage/getMetadata', { key: 'nope.png' }).catch((e) => e);
  return check(error instanceof NotFoundError && error.code === 'NOT_FOUND', `${error.name} ${error.status} ${error.code} "${error.message}"`);
});
await step('errors: a wrong key is an AuthenticationError', async () => {
  const error = await client.withOptions({ apiKey: 'wrong' }).post('/cache/get', { key: 'a' }).catch((e) => e);
  return check(error instanceof AuthenticationError, `${error.name} ${error.status} ${error.code}`);
});

server.close();
console.log('');
console.table(steps);
const failed = steps.filter((s) => s.result !== 'ok').length;
console.log(`${steps.length - failed} of ${steps.length} steps succeeded`);
process.exit(failed ? 1 : 0);
