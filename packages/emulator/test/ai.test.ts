// @aerostack/ai against the emulator: chat (a deterministic local responder, plain and SSE) and
// search (SQLite FTS5 in D1), over HTTP.
import { chat, chatStream, collectText, Search, type ChatCompletionChunk } from '@aerostack/ai';
import { APIUserAbortError, StreamError, type AerostackClient } from '@aerostack/core';
import { describe, expect, it } from 'vitest';
import { client, control, KEY_A, KEY_B, useEmulator } from './helpers/emulator';
import { checkError, schemaProblems } from './helpers/openapi';

const emu = useEmulator();

/** An SDK client on the emulator; every JSON response is checked against the spec (streams by the tests). */
const ai = (apiKey = KEY_A): AerostackClient => client(emu, apiKey);

async function raw(path: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(emu.emulator.aerostackURL + path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-aerostack-key': KEY_A, ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

const user = (content: string) => [{ role: 'user' as const, content }];

describe('ai.chat: a deterministic local responder', () => {
  it('the same messages give the same answer and id; usage counts words', async () => {
    const c = ai();
    const messages = [{ role: 'system' as const, content: 'Be brief.' }, ...user('Hello there, emulator')];
    const first = await chat(c, { messages });
    const second = await chat(c, { messages });
    expect(first.choices?.[0]?.message).toEqual({ role: 'assistant', content: 'You said: Hello there, emulator' });
    expect(first.choices?.[0]?.finish_reason).toBe('stop');
    expect(second.choices?.[0]?.message.content).toBe(first.choices?.[0]?.message.content);
    expect(second.id).toBe(first.id);
    expect(first.object).toBe('chat.completion');
    expect(first.usage).toEqual({ prompt_tokens: 5, completion_tokens: 5, total_tokens: 10 });
    const other = await chat(c, { messages: user('Something else') });
    expect(other.id).not.toBe(first.id);
  });

  it('max_tokens cuts the answer (finish_reason length); a bad body is a 400 with fieldErrors', async () => {
    const c = ai();
    const cut = await chat(c, { messages: user('one two three four five'), max_tokens: 3 });
    expect(cut.choices?.[0]?.message.content).toBe('You said: one');
    expect(cut.choices?.[0]?.finish_reason).toBe('length');
    await expect(chat(c, { messages: [] })).rejects.toMatchObject({ status: 400, code: 'VALIDATION_ERROR' });
    const res = await raw('/ai/chat', { messages: [{ role: 'robot', content: 1 }], temperature: 5 });
    expect(res.status).toBe(400);
    const body = checkError(await res.json());
    expect(Object.keys(body.details?.fieldErrors as object).sort()).toEqual(['messages[0].content', 'messages[0].role', 'temperature']);
  });

  it('chatStream: several chunks, the text equals the plain answer, a usage frame with includeUsage', async () => {
    const c = ai();
    const messages = user('stream these few words please');
    const plain = await chat(c, { messages });
    const stream = await chatStream(c, { messages, includeUsage: true });
    expect(stream.response.headers.get('content-type')).toContain('text/event-stream');
    const chunks: ChatCompletionChunk[] = [];
    for await (const chunk of stream) {
      expect(schemaProblems('aerostack', 'ChatCompletionChunk', chunk)).toEqual([]);
      chunks.push(chunk);
    }
    const text = chunks.map((ch) => ch.choices[0]?.delta.content ?? '').join('');
    expect(text).toBe(plain.choices?.[0]?.message.content);
    expect(chunks.filter((ch) => ch.choices[0]?.delta.content).length).toBe(7);
    expect(chunks[0]?.choices[0]?.delta.role).toBe('assistant');
    const last = chunks[chunks.length - 1];
    expect(last?.choices).toEqual([]);
    expect(last?.usage).toEqual(plain.usage);
    expect(chunks.every((ch) => ch.object === 'chat.completion.chunk' && ch.id === plain.id)).toBe(true);
    // Without includeUsage: no usage frame; collectText joins the same text.
    expect(await collectText(await chatStream(c, { messages }))).toBe(plain.choices?.[0]?.message.content);
  });

  it('the raw stream: frames arrive separately and end with data: [DONE]', async () => {
    const res = await raw('/ai/chat', { messages: user('a b c d e f g h'), stream: true });
    expect(res.status).toBe(200);
    const reader = (res.body as ReadableStream<Uint8Array>).getReader();
    const decoder = new TextDecoder();
    let text = '';
    let reads = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      reads++;
      text += decoder.decode(value, { stream: true });
    }
    expect(reads).toBeGreaterThan(3);
    const frames = text.split('\n\n').filter(Boolean);
    expect(frames.every((f) => f.startsWith('data: '))).toBe(true);
    expect(frames[frames.length - 1]).toBe('data: [DONE]');
  });

  it('break cancels the stream; the emulator keeps answering', async () => {
    const c = ai();
    const long = Array.from({ length: 200 }, (_, i) => `w${i}`).join(' ');
    let got = 0;
    for await (const chunk of await chatStream(c, { messages: user(long) })) {
      if (chunk.choices[0]?.delta.content) got++;
      if (got === 3) break;
    }
    expect(got).toBe(3);
    expect((await chat(c, { messages: user('still there?') })).choices?.[0]?.message.content).toBe('You said: still there?');
  });

  it('an abort mid-stream ends the iteration with APIUserAbortError', async () => {
    const controller = new AbortController();
    const long = Array.from({ length: 200 }, (_, i) => `w${i}`).join(' ');
    const stream = await chatStream(ai(), { messages: user(long) }, { signal: controller.signal });
    let got = 0;
    const read = async () => {
      for await (const chunk of stream) {
        if (chunk.choices[0]?.delta.content) got++;
        if (got === 2) controller.abort();
      }
    };
    await expect(read()).rejects.toBeInstanceOf(APIUserAbortError);
    expect(got).toBe(2);
  });

  it('a drop fault cuts the stream midway: the client sees a typed StreamError, never a clean end', async () => {
    await control(emu, 'POST', '/faults', { match: { method: 'POST', path: '/ai/chat' }, drop: true });
    const stream = await chatStream(ai(), { messages: user('this stream will be cut somewhere in the middle of it') }, { maxRetries: 0 });
    let got = 0;
    const read = async () => {
      for await (const chunk of stream) if (chunk.choices[0]?.delta.content) got++;
    };
    const error: unknown = await read().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StreamError);
    expect(got).toBeGreaterThan(0);
    expect(got).toBeLessThan(12);
    await control(emu, 'DELETE', '/faults');
  });
});

describe('ai.search: FTS5 in D1', () => {
  const DOCS = [
    { id: 'd1', type: 'article', content: 'The quick brown fox jumps over the lazy dog', metadata: { lang: 'en' } },
    { id: 'd2', type: 'article', content: 'Cloudflare Workers run JavaScript at the edge close to users' },
    { id: 'd3', type: 'faq', content: 'How do I reset my password? Use the reset password link on the login page.', metadata: { lang: 'en' } },
    { id: 'd4', type: 'faq', content: 'Billing happens monthly; invoices are sent by email', metadata: { lang: 'fr' } },
    { id: 'd5', type: 'note', content: 'A fox is a small omnivorous mammal; the red fox is the most common fox' },
  ];

  it('ingest 5 docs, query ranks the most relevant first with scores descending; types filter; topK', async () => {
    const s = new Search(ai());
    for (const doc of DOCS) expect(await s.ingest(doc)).toEqual({ success: true });
    const { results } = await s.query({ text: 'fox' });
    expect(results.map((r) => r.id)).toEqual(['d5', 'd1']);
    expect(results[0]?.score).toBeGreaterThan(results[1]?.score ?? Infinity);
    expect(results.every((r) => r.score > 0)).toBe(true);
    expect(results[1]).toEqual({ id: 'd1', content: DOCS[0]?.content, score: expect.any(Number), type: 'article', metadata: { lang: 'en' } });
    const pw = await s.query({ text: 'reset password', topK: 1 });
    expect(pw.results.map((r) => r.id)).toEqual(['d3']);
    expect((await s.query({ text: 'fox', types: ['article'] })).results.map((r) => r.id)).toEqual(['d1']);
    expect((await s.query({ text: 'fox', types: ['faq'] })).results).toEqual([]);
    expect((await s.query({ text: 'the', topK: 2 })).results).toHaveLength(2);
    expect((await s.query({ text: 'fox email', filter: { lang: 'en' } })).results.map((r) => r.id)).toEqual(['d1']);
  });

  it('query text with punctuation and quotes never breaks FTS5 syntax', async () => {
    const s = new Search(ai());
    for (const text of ['"fox', "fox's AND (lazy) OR NOT -dog*", 'NEAR(fox dog)', ':::', 'col:fox ^ "unbalanced']) {
      const { results } = await s.query({ text });
      expect(Array.isArray(results)).toBe(true);
    }
    expect((await s.query({ text: '"lazy" dog!?' })).results[0]?.id).toBe('d1');
  });

  it('update (upsert), get, count, delete, deleteByType, listTypes', async () => {
    const s = new Search(ai());
    expect(await s.listTypes()).toEqual({ types: [{ type: 'article', count: 2 }, { type: 'faq', count: 2 }, { type: 'note', count: 1 }] });
    expect(await s.count()).toEqual({ count: 5 });
    expect(await s.count({ type: 'faq' })).toEqual({ count: 2 });
    expect(await s.update({ id: 'd2', content: 'Workers now also run Python' })).toEqual({ success: true });
    const got = await s.get({ id: 'd2' });
    expect(got).toEqual({ exists: true, result: { id: 'd2', content: 'Workers now also run Python', score: expect.any(Number), type: 'article', metadata: {} } });
    expect((await s.query({ text: 'python' })).results.map((r) => r.id)).toEqual(['d2']);
    expect((await s.query({ text: 'javascript' })).results).toEqual([]);
    await s.update({ id: 'd9', content: 'a brand new note', type: 'note', metadata: { n: 9 } });
    expect((await s.get({ id: 'd9' })).result?.metadata).toEqual({ n: 9 });
    await expect(s.update({ id: 'nope', content: 'no type given' })).rejects.toMatchObject({ status: 400, code: 'VALIDATION_ERROR' });
    expect(await s.delete({ id: 'd1' })).toEqual({ success: true });
    expect(await s.get({ id: 'd1' })).toEqual({ result: null, exists: false });
    expect(await s.deleteByType({ type: 'faq' })).toEqual({ success: true });
    expect(await s.listTypes()).toEqual({ types: [{ type: 'article', count: 1 }, { type: 'note', count: 2 }] });
    expect(await s.count()).toEqual({ count: 3 });
    // ingest without an id: a generated one.
    await s.ingest({ content: 'anonymous doc about zebras', type: 'note' });
    const zebra = (await s.query({ text: 'zebras' })).results[0];
    expect(zebra?.id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('configure: english or multilingual, anything else is a 400', async () => {
    const s = new Search(ai());
    expect(await s.configure({ embeddingModel: 'multilingual' })).toEqual({ success: true });
    expect(await s.configure({ model: 'english' })).toEqual({ success: true });
    const res = await raw('/ai/search/configure', { embeddingModel: 'klingon' });
    expect(res.status).toBe(400);
    expect(checkError(await res.json()).details).toEqual({ fieldErrors: { embeddingModel: ['Expected one of english, multilingual'] } });
    const missing = await raw('/ai/search/ingest', { content: '' });
    expect(missing.status).toBe(400);
    expect(Object.keys(checkError(await missing.json()).details?.fieldErrors as object).sort()).toEqual(['content', 'type']);
  });

  it('projects are isolated: the other key sees none of these documents', async () => {
    const a = new Search(ai());
    const b = new Search(ai(KEY_B));
    expect((await a.count()).count).toBeGreaterThan(0);
    expect(await b.count()).toEqual({ count: 0 });
    expect(await b.listTypes()).toEqual({ types: [] });
    expect((await b.query({ text: 'python zebras fox' })).results).toEqual([]);
    expect(await b.get({ id: 'd2' })).toEqual({ result: null, exists: false });
    await b.ingest({ id: 'd2', content: 'project b has its own d2 about python', type: 'b-type' });
    await b.deleteByType({ type: 'article' });
    expect((await a.get({ id: 'd2' })).result?.content).toBe('Workers now also run Python');
    expect((await b.get({ id: 'd2' })).result?.type).toBe('b-type');
    expect((await a.query({ text: 'python' })).results.map((r) => r.id)).toEqual(['d2']);
    expect((await a.query({ text: 'python' })).results[0]?.type).toBe('article');
  });
});
