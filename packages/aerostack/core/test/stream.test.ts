import { describe, expect, it, vi } from 'vitest';
import { APIUserAbortError, SDKError, StreamError } from '../src/errors';
import { Stream } from '../src/stream';
// Relative, not the package: @aerostack-internal/test-utils depends on this package.
import { collect, iterationError } from '../../../../tooling/test-utils/src/streams';

const enc = new TextEncoder();

/**
 * A Response whose body hands out one chunk per pull, then closes (or errors with `end`).
 * `cancel` observes the body being cancelled; `pulled()` counts chunks handed out.
 */
function respond(chunks: (string | Uint8Array)[], end?: unknown) {
  const cancel = vi.fn();
  let i = 0;
  const body = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        const chunk = chunks[i++];
        if (chunk !== undefined) controller.enqueue(typeof chunk === 'string' ? enc.encode(chunk) : chunk);
        else if (end === undefined) controller.close();
        else controller.error(end);
      },
      cancel,
    },
    { highWaterMark: 0 },
  );
  const response = new Response(body, { headers: { 'content-type': 'text/event-stream' } });
  return { response, cancel, pulled: () => Math.min(i, chunks.length) };
}

/** Iterates to the end and returns the error it threw (failing if it threw none). */
const failure = (stream: AsyncIterable<unknown>): Promise<SDKError> => iterationError(stream, SDKError);

interface ChatChunk {
  id: string;
  object: string;
  created: number;
  model: string;
  choices: { index: number; delta: { content?: string }; finish_reason: string | null }[];
  usage?: { prompt_tokens: number; completion_tokens: number; total_tokens: number };
}

const chunk = (content: string): ChatChunk => ({
  id: 'chatcmpl-9x',
  object: 'chat.completion.chunk',
  created: 1_731_000_000,
  model: 'gpt-4o-mini',
  choices: [{ index: 0, delta: { content }, finish_reason: null }],
});
const usage: ChatChunk = {
  id: 'chatcmpl-9x',
  object: 'chat.completion.chunk',
  created: 1_731_000_000,
  model: 'gpt-4o-mini',
  choices: [],
  usage: { prompt_tokens: 9, completion_tokens: 4, total_tokens: 13 },
};
const values = [chunk('héllo'), chunk(' 👋'), chunk(' 日本語 ✓'), usage];
const sse = [
  ': keep-alive',
  '',
  `data: ${JSON.stringify(values[0])}`,
  '',
  `data: ${JSON.stringify(values[1])}`,
  '',
  ': ping',
  `data: ${JSON.stringify(values[2])}`,
  '',
  `data: ${JSON.stringify(values[3])}`,
  '',
  'data: [DONE]',
  '',
  '',
];

describe('Stream', () => {
  describe.each([
    ['LF', '\n'],
    ['CRLF', '\r\n'],
    ['CR', '\r'],
  ])('a realistic chat stream with %s line endings', (_name, eol) => {
    const bytes = enc.encode(sse.join(eol));

    it('yields the same values for a split at every byte', async () => {
      // The stream has multibyte characters, so many splits fall inside one.
      expect(bytes.length).toBeGreaterThan(new TextDecoder().decode(bytes).length);
      for (let i = 1; i < bytes.length; i++) {
        const { response } = respond([bytes.slice(0, i), bytes.slice(i)]);
        expect(await collect(new Stream(response))).toEqual(values);
      }
    });

    it('yields the same values when fed one byte at a time', async () => {
      const { response } = respond(Array.from(bytes, (b) => Uint8Array.of(b)));
      const got = await collect(new Stream<ChatChunk>(response));
      expect(got).toEqual(values);
      expect(got.map((v) => v.choices[0]?.delta.content ?? '').join('')).toBe('héllo 👋 日本語 ✓');
      expect(got.at(-1)?.usage).toEqual({ prompt_tokens: 9, completion_tokens: 4, total_tokens: 13 });
    });
  });

  it('ends at [DONE], cancelling the rest of the body', async () => {
    const { response, cancel, pulled } = respond([
      'data: 1\n\ndata: [DONE]\n\ndata: 2\n\n',
      'data: 3\n\n',
      'data: 4\n\n',
    ]);
    expect(await collect(new Stream(response))).toEqual([1]);
    expect(cancel).toHaveBeenCalledOnce();
    expect(pulled()).toBe(1);
  });

  it('ends quietly when the body ends without [DONE]', async () => {
    const { response, cancel } = respond(['data: 1\n\n', 'data: {"a":2}\n\n']);
    expect(await collect(new Stream(response))).toEqual([1, { a: 2 }]);
    expect(cancel).not.toHaveBeenCalled();
  });

  it('yields nothing for a response without a body', async () => {
    expect(await collect(new Stream(new Response(null)))).toEqual([]);
  });

  it('cancels the body when the loop breaks', async () => {
    const { response, cancel, pulled } = respond(['data: 1\n\n', 'data: 2\n\n', 'data: 3\n\n', 'data: [DONE]\n\n']);
    for await (const v of new Stream(response)) {
      expect(v).toBe(1);
      break;
    }
    expect(cancel).toHaveBeenCalledOnce();
    expect(pulled()).toBe(1);
  });

  it('cancels the body when the loop throws', async () => {
    const { response, cancel } = respond(['data: 1\n\n', 'data: 2\n\n']);
    const run = async () => {
      for await (const v of new Stream(response)) throw new Error(`consumer failed at ${String(v)}`);
    };
    await expect(run()).rejects.toThrow('consumer failed at 1');
    expect(cancel).toHaveBeenCalledOnce();
  });

  it('skips keep-alives: comments and events with empty data', async () => {
    const { response } = respond([': ping\n\ndata:\n\nevent: ping\ndata\n\n:\n\ndata: 5\n\n']);
    expect(await collect(new Stream(response))).toEqual([5]);
  });

  it('throws a StreamError for a malformed frame, with the data and the parse error', async () => {
    const data = `{"choices": [${'x'.repeat(200)}`;
    const { response, cancel } = respond([`data: 1\n\ndata: ${data}\n\ndata: 2\n\n`, 'data: 3\n\n']);
    const stream = new Stream(response);
    const seen: unknown[] = [];
    let error: unknown;
    try {
      for await (const v of stream) seen.push(v);
    } catch (e) {
      error = e;
    }
    expect(seen).toEqual([1]);
    expect(error).toBeInstanceOf(StreamError);
    const e = error as StreamError;
    expect(e.message).toBe(`Malformed event in stream: ${data.slice(0, 100)}`);
    expect(e.body).toBe(data);
    expect(e.cause).toBeInstanceOf(SyntaxError);
    expect(cancel).toHaveBeenCalledOnce();
  });

  it.each([
    ['{"error":{"message":"Overloaded","type":"server_error"}}', 'Overloaded'],
    ['{"message":"Rate limited"}', 'Rate limited'],
    ['{"error":"bad gateway"}', 'bad gateway'],
    ['{"detail":1}', '{"detail":1}'],
  ])('throws a StreamError for an error event: %s', async (data, message) => {
    const { response, cancel } = respond([`data: 1\n\nevent: error\ndata: ${data}\n\n`, 'data: 2\n\n']);
    const e = await failure(new Stream(response));
    expect(e).toBeInstanceOf(StreamError);
    expect(e.message).toBe(message);
    expect(e.body).toBe(data);
    expect(e.details).toEqual(JSON.parse(data));
    expect(cancel).toHaveBeenCalledOnce();
  });

  it('throws a StreamError with the raw text of a plain-text error event', async () => {
    const { response } = respond(['event: error\ndata: upstream went away\n\n']);
    const e = await failure(new Stream(response));
    expect(e).toBeInstanceOf(StreamError);
    expect(e.message).toBe('upstream went away');
    expect(e.details).toBe('upstream went away');
  });

  it('throws a StreamError with message and code for an OpenAI-style error object', async () => {
    const data = '{"error":{"message":"The server had an error","type":"server_error","code":"internal_error"}}';
    const { response } = respond([`data: {"choices":[]}\n\ndata: ${data}\n\n`]);
    const e = await failure(new Stream(response));
    expect(e).toBeInstanceOf(StreamError);
    expect(e.message).toBe('The server had an error');
    expect(e.code).toBe('internal_error');
    expect(e.details).toEqual(JSON.parse(data));
    expect(e.body).toBe(data);
  });

  it('turns a numeric error code into a string', async () => {
    const { response } = respond(['data: {"error":{"message":"slow down","code":429}}\n\n']);
    const e = await failure(new Stream(response));
    expect(e.code).toBe('429');
  });

  it('throws a StreamError with the cause when the body fails mid-stream', async () => {
    const cause = new TypeError('terminated');
    const { response, cancel } = respond(['data: 1\n\ndata: 2\n\n', 'data: 3'], cause);
    const stream = new Stream(response);
    const seen: unknown[] = [];
    let error: unknown;
    try {
      for await (const v of stream) seen.push(v);
    } catch (e) {
      error = e;
    }
    expect(seen).toEqual([1, 2]);
    expect(error).toBeInstanceOf(StreamError);
    expect(error).not.toBeInstanceOf(APIUserAbortError);
    expect((error as StreamError).message).toBe('Stream was cut before it finished');
    expect((error as StreamError).cause).toBe(cause);
    expect(cancel).not.toHaveBeenCalled();
  });

  it('throws an APIUserAbortError when the body is aborted', async () => {
    const cause = new DOMException('This operation was aborted', 'AbortError');
    const { response } = respond(['data: 1\n\n'], cause);
    const e = await failure(new Stream(response));
    expect(e).toBeInstanceOf(APIUserAbortError);
    expect(e).not.toBeInstanceOf(StreamError);
    expect(e.cause).toBe(cause);
  });

  it('throws an APIUserAbortError when a fetch signal aborts the body', async () => {
    const controller = new AbortController();
    const body = new ReadableStream<Uint8Array>({
      start(c) {
        c.enqueue(enc.encode('data: 1\n\n'));
        controller.signal.addEventListener('abort', () => c.error(controller.signal.reason));
      },
    });
    const seen: unknown[] = [];
    let error: unknown;
    try {
      for await (const v of new Stream(new Response(body))) {
        seen.push(v);
        controller.abort();
      }
    } catch (e) {
      error = e;
    }
    expect(seen).toEqual([1]);
    expect(error).toBeInstanceOf(APIUserAbortError);
  });

  it('an abort hands over no more events, even those already read in the same chunk', async () => {
    const controller = new AbortController();
    // Three events in one chunk: all parsed before the first is handed over.
    const body = new ReadableStream<Uint8Array>({
      start(c) {
        c.enqueue(enc.encode('data: 1\n\ndata: 2\n\ndata: 3\n\n'));
        c.close();
      },
    });
    const seen: unknown[] = [];
    let error: unknown;
    try {
      for await (const v of new Stream(new Response(body), { signal: controller.signal })) {
        seen.push(v);
        if (v === 2) controller.abort(new Error('user left'));
      }
    } catch (e) {
      error = e;
    }
    expect(seen).toEqual([1, 2]);
    expect(error).toBeInstanceOf(APIUserAbortError);
    expect((error as APIUserAbortError).cause).toEqual(new Error('user left'));
  });

  it.each([
    ['a data line without its blank line', 'data: 2\n'],
    ['a data line without its line ending', 'data: 2'],
    ['data, then an unfinished multi-line event', 'data: 2\ndata: 3'],
  ])('throws a StreamError when the body ends in %s', async (_name, tail) => {
    const { response } = respond(['data: 1\n\n', tail]);
    const e = await failure(new Stream(response));
    expect(e).toBeInstanceOf(StreamError);
    expect(e.message).toBe('Stream was cut before it finished');
  });

  it('does not call a trailing comment or field without data a cut stream', async () => {
    const { response } = respond(['data: 1\n\n: bye', '\nid: 4']);
    expect(await collect(new Stream(response))).toEqual([1]);
  });

  it('uses a custom decode, which sees every field and can skip events', async () => {
    const { response } = respond(['event: a\nid: 1\ndata: x\n\nevent: skip\ndata: y\n\nevent: b\ndata: not json\n\n']);
    const stream = new Stream(response, {
      decode: (e) => (e.event === 'skip' ? undefined : `${e.event ?? ''}:${e.id ?? ''}:${e.data}`),
    });
    expect(await collect(stream)).toEqual(['a:1:x', 'b:1:not json']);
  });

  it('exposes the response', () => {
    const { response } = respond([]);
    expect(new Stream(response).response).toBe(response);
  });

  it('can be iterated only once', async () => {
    const { response } = respond(['data: 1\n\n']);
    const stream = new Stream(response);
    expect(await collect(stream)).toEqual([1]);
    const e = await failure(stream);
    expect(e).toBeInstanceOf(StreamError);
    expect(e.message).toBe('Stream already consumed');
  });

  describe('toReadableStream', () => {
    it('yields the same values', async () => {
      const { response } = respond(Array.from(enc.encode(sse.join('\n')), (b) => Uint8Array.of(b)));
      const readable = new Stream(response).toReadableStream();
      const got: unknown[] = [];
      const reader = readable.getReader();
      for (let r = await reader.read(); !r.done; r = await reader.read()) got.push(r.value);
      expect(got).toEqual(values);
    });

    it('reads nothing until asked', async () => {
      const { response, pulled } = respond(['data: 1\n\n']);
      const readable = new Stream(response).toReadableStream();
      await new Promise((resolve) => setTimeout(resolve, 10));
      expect(pulled()).toBe(0);
      expect(await readable.getReader().read()).toEqual({ done: false, value: 1 });
    });

    it('cancels the body when it is cancelled', async () => {
      const { response, cancel } = respond(['data: 1\n\n', 'data: 2\n\n']);
      const reader = new Stream(response).toReadableStream().getReader();
      expect(await reader.read()).toEqual({ done: false, value: 1 });
      await reader.cancel();
      expect(cancel).toHaveBeenCalledOnce();
    });

    it('errors with the stream error', async () => {
      const { response } = respond(['data: {oops\n\n']);
      const reader = new Stream(response).toReadableStream().getReader();
      const e: unknown = await reader.read().then(
        () => undefined,
        (err: unknown) => err,
      );
      expect(e).toBeInstanceOf(StreamError);
    });

    it('counts as the one iteration', async () => {
      const { response } = respond(['data: 1\n\n']);
      const stream = new Stream(response);
      await stream.toReadableStream().getReader().read();
      const e = await failure(stream);
      expect(e.message).toBe('Stream already consumed');
    });
  });
});
