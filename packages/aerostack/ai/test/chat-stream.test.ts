import { AuthenticationError, InternalServerError, RateLimitError, StreamError, Stream, type SDKError } from '@aerostack/core';
import { describe, expect, it, vi } from 'vitest';
import { AI, chatStream, collectText, type ChatCompletionChunk, type ChatParams } from '../src';
import { API, apiError, clientWith, scriptedFetch, sentJSON } from './helpers';
import { collect, iterationError } from '@aerostack-internal/test-utils/streams';

const enc = new TextEncoder();
const messages: ChatParams['messages'] = [{ role: 'user', content: 'Say hello' }];

const chunk = (content: string, finish: 'stop' | null = null): ChatCompletionChunk => ({
  id: 'chatcmpl-s1',
  object: 'chat.completion.chunk',
  created: 1_772_000_000,
  model: '@cf/meta/llama-3-8b-instruct',
  choices: [{ index: 0, delta: { content }, finish_reason: finish }],
});
const usageChunk: ChatCompletionChunk = {
  id: 'chatcmpl-s1',
  object: 'chat.completion.chunk',
  created: 1_772_000_000,
  model: '@cf/meta/llama-3-8b-instruct',
  choices: [],
  usage: { prompt_tokens: 5, completion_tokens: 4, total_tokens: 9 },
};
// Multi-byte text on purpose: 2-, 3- and 4-byte UTF-8 sequences that the splits below cut through.
const deltas = ['Héllo', ' wörld', ' 日本語', ' 👋🏽', ' ✓'];
const frames = (values: unknown[]): string => values.map((v) => `data: ${JSON.stringify(v)}\n\n`).join('');
const SSE = ': keep-alive\n\n' + frames([...deltas.map((d, i) => chunk(d, i === deltas.length - 1 ? 'stop' : null)), usageChunk]) + 'data: [DONE]\n\n';

/**
 * A streamed response that hands out `bytes` in pieces of the given sizes (repeated), one piece
 * per pull; `cancel` observes the body being cancelled.
 */
function sseResponse(bytes: Uint8Array, sizes: number[], status = 200) {
  const cancel = vi.fn();
  const pieces: Uint8Array[] = [];
  for (let at = 0, i = 0; at < bytes.length; i++) {
    const size = sizes[i % sizes.length]!;
    pieces.push(bytes.subarray(at, at + size));
    at += size;
  }
  let i = 0;
  const body = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        const piece = pieces[i++];
        if (piece) controller.enqueue(piece);
        else controller.close();
      },
      cancel,
    },
    { highWaterMark: 0 },
  );
  const response = new Response(body, { status, headers: { 'content-type': 'text/event-stream', 'x-request-id': 'req_sse' } });
  return { response, cancel, pulled: () => i, pieces };
}

/** Whether some piece boundary falls inside a multi-byte UTF-8 sequence. */
const cutsMidCharacter = (pieces: Uint8Array[]): boolean => pieces.slice(1).some((p) => p.length > 0 && (p[0]! & 0xc0) === 0x80);

const failure = (stream: AsyncIterable<unknown>): Promise<SDKError> => iterationError(stream, StreamError);

describe('chatStream: on the wire', () => {
  it('POSTs to /ai/chat with stream: true forced, asking for events', async () => {
    const { response } = sseResponse(enc.encode(SSE), [4096]);
    const fetch = scriptedFetch(response);
    const params = { messages, model: 'm', temperature: 1, stream: false } as ChatParams;
    const { data, requestId } = await chatStream(clientWith(fetch), params).withResponse();
    expect(data).toBeInstanceOf(Stream);
    expect(requestId).toBe('req_sse');
    const [req] = fetch.calls;
    expect(req!.method).toBe('POST');
    expect(req!.url).toBe(`${API}/ai/chat`);
    expect(req!.headers['x-aerostack-key']).toBe('ac_secret_test');
    expect(req!.headers['content-type']).toBe('application/json');
    expect(req!.headers.accept).toBe('text/event-stream');
    expect(sentJSON(req)).toEqual({ messages, model: 'm', temperature: 1, stream: true });
  });

  it('adds stream_options.include_usage when includeUsage is asked, and sends no includeUsage field', async () => {
    const fetch = scriptedFetch(sseResponse(enc.encode(SSE), [4096]).response);
    await chatStream(clientWith(fetch), { messages, includeUsage: true });
    expect(sentJSON(fetch.calls[0])).toEqual({ messages, stream: true, stream_options: { include_usage: true } });
  });
});

describe('chatStream: reading', () => {
  it.each([
    ['1 byte at a time', [1]],
    ['odd sizes', [7, 3, 13, 1, 29, 2]],
    ['pairs of 9 and 4', [9, 4]],
    ['one chunk', [1 << 20]],
  ])('yields every chunk, the usage frame, and ends at [DONE], fed %s', async (_, sizes) => {
    const { response, pieces } = sseResponse(enc.encode(SSE), sizes);
    if (sizes[0] !== 1 << 20) expect(cutsMidCharacter(pieces)).toBe(true);
    const stream = await chatStream(clientWith(scriptedFetch(response)), { messages, includeUsage: true });
    const chunks = await collect(stream);
    expect(chunks).toEqual([...deltas.map((d, i) => chunk(d, i === deltas.length - 1 ? 'stop' : null)), usageChunk]);
    expect(chunks.at(-1)!.usage).toEqual({ prompt_tokens: 5, completion_tokens: 4, total_tokens: 9 });
  });

  it('stops at [DONE] even when more follows, closing the body', async () => {
    const body = frames([chunk('a')]) + 'data: [DONE]\n\n' + frames([chunk('never')]);
    const { response, cancel } = sseResponse(enc.encode(body), [body.length]);
    const stream = await chatStream(clientWith(scriptedFetch(response)), { messages });
    expect((await collect(stream)).map((c) => c.choices[0]?.delta.content)).toEqual(['a']);
    expect(cancel).toHaveBeenCalled();
  });

  it('collectText joins the deltas, across awkward splits', async () => {
    const { response } = sseResponse(enc.encode(SSE), [3, 1, 2]);
    const stream = await chatStream(clientWith(scriptedFetch(response)), { messages, includeUsage: true });
    expect(await collectText(stream)).toBe(deltas.join(''));
  });

  it('break cancels the body, without reading the rest', async () => {
    const { response, cancel, pulled, pieces } = sseResponse(enc.encode(SSE), [8]);
    const stream = await chatStream(clientWith(scriptedFetch(response)), { messages });
    const got: string[] = [];
    for await (const c of stream) {
      got.push(c.choices[0]?.delta.content ?? '');
      break;
    }
    expect(got).toEqual(['Héllo']);
    expect(cancel).toHaveBeenCalledTimes(1);
    expect(pulled()).toBeLessThan(pieces.length);
  });

  it("the caller's signal aborts the stream mid-way", async () => {
    const controller = new AbortController();
    const fetch = scriptedFetch((req) => {
      const signal = req.init.signal!;
      const body = new ReadableStream<Uint8Array>(
        {
          start: (c) => signal.addEventListener('abort', () => c.error(new DOMException('aborted', 'AbortError'))),
          pull: (c) => c.enqueue(enc.encode(frames([chunk('x')]))),
        },
        { highWaterMark: 0 },
      );
      return new Response(body, { headers: { 'content-type': 'text/event-stream' } });
    });
    const stream = await chatStream(clientWith(fetch), { messages }, { signal: controller.signal });
    const error = await (async () => {
      for await (const c of stream) if (c.choices.length) controller.abort();
    })().then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ name: 'APIUserAbortError' });
  });

  it('goes through the AI class', async () => {
    const fetch = scriptedFetch(sseResponse(enc.encode(SSE), [64]).response);
    const stream = await new AI(clientWith(fetch)).chatStream({ messages, includeUsage: true });
    expect(await collectText(stream)).toBe(deltas.join(''));
    expect(sentJSON(fetch.calls[0])).toMatchObject({ stream: true, stream_options: { include_usage: true } });
  });
});

describe('chatStream: errors', () => {
  it.each([
    [401, 'AUTH_INVALID_KEY', AuthenticationError],
    [429, 'RATE_LIMIT_EXCEEDED', RateLimitError],
    [500, 'INTERNAL_ERROR', InternalServerError],
  ] as const)('a %i before streaming is thrown by the await as a %s', async (status, code, ErrorClass) => {
    const fetch = scriptedFetch(apiError(status, code, 'no stream for you', { model: 'm' }));
    const error = await chatStream(clientWith(fetch, { maxRetries: 0 }), { messages }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ErrorClass);
    expect(error).toMatchObject({ status, code, message: `${status} ${code}: no stream for you`, details: { model: 'm' }, requestId: `req_${status}` });
  });

  it('retries a 503 before the stream starts, then streams', async () => {
    const fetch = scriptedFetch(apiError(503, 'INTERNAL_ERROR', 'busy'), sseResponse(enc.encode(SSE), [100]).response);
    const stream = await chatStream(clientWith(fetch), { messages });
    expect(await collectText(stream)).toBe(deltas.join(''));
    expect(fetch.calls).toHaveLength(2);
  });

  it('an error frame mid-stream raises a StreamError with its code and message, after the chunks before it', async () => {
    const body = frames([chunk('partial'), { error: { code: 'AI_PROVIDER_ERROR', message: 'model overloaded' } }, chunk('never')]);
    const { response, cancel } = sseResponse(enc.encode(body), [9, 4]);
    const stream = await chatStream(clientWith(scriptedFetch(response)), { messages });
    const got: string[] = [];
    const error = await failure(
      (async function* () {
        for await (const c of stream) {
          got.push(c.choices[0]?.delta.content ?? '');
          yield c;
        }
      })(),
    );
    expect(got).toEqual(['partial']);
    expect(error).toMatchObject({ name: 'StreamError', code: 'AI_PROVIDER_ERROR', message: 'model overloaded' });
    expect(cancel).toHaveBeenCalled();
  });

  it('an `event: error` frame raises a StreamError', async () => {
    const body = frames([chunk('a')]) + 'event: error\ndata: {"code":"RATE_LIMIT_EXCEEDED","message":"quota"}\n\n';
    const stream = await chatStream(clientWith(scriptedFetch(sseResponse(enc.encode(body), [5]).response)), { messages });
    expect(await failure(stream)).toMatchObject({ code: 'RATE_LIMIT_EXCEEDED', message: 'quota' });
  });

  it('a malformed frame raises a StreamError', async () => {
    const body = frames([chunk('a')]) + 'data: {"choices": [\n\n';
    const stream = await chatStream(clientWith(scriptedFetch(sseResponse(enc.encode(body), [6]).response)), { messages });
    expect((await failure(stream)).message).toMatch(/Malformed event/);
  });

  it('a connection cut mid-event raises a StreamError', async () => {
    const body = frames([chunk('a')]) + 'data: {"choices":';
    const stream = await chatStream(clientWith(scriptedFetch(sseResponse(enc.encode(body), [6]).response)), { messages });
    expect((await failure(stream)).message).toMatch(/cut/);
  });
});
