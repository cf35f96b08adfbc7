// Properties of the server-sent events parser (src/sse.ts) and of Stream (src/stream.ts): a stream
// built from a model of events, encoded, and cut anywhere (mid-line, mid-CRLF, mid-UTF-8 sequence,
// mid-surrogate pair) gives exactly the model's events; any bytes at all give the same outcome
// however they are cut, and fail only with a StreamError.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SDKError } from '../../src/errors';
import { createSSEParser, type ServerSentEvent } from '../../src/sse';
import { Stream } from '../../src/stream';
import { chunkedBody, concat, cuts, runs, splitAt, text } from './support';

const enc = new TextEncoder();

// ---- A model of an event stream ----------------------------------------------------------------

type Eol = '\n' | '\r' | '\r\n';
type Line =
  /** `name:` + optional space + value */
  | { kind: 'field'; name: string; space: boolean; value: string }
  /** A line without a colon: the whole line is the field name, with an empty value. */
  | { kind: 'bare'; name: string }
  | { kind: 'comment'; text: string };
interface Block {
  lines: { line: Line; eol: Eol }[];
  /** The blank line that dispatches the block; absent only on the last block (a cut stream). */
  end: Eol | undefined;
}
interface Model {
  bom: boolean;
  blocks: Block[];
  /** The very last line of a cut stream has no line ending. */
  noFinalEol: boolean;
}

const KNOWN = ['data', 'event', 'id', 'retry'];
const eol = fc.constantFrom<Eol>('\n', '\r', '\r\n');
// Unknown field names: never known ones, never a colon, never a leading BOM (it would be the stream's).
const unknownName = text({ minLength: 1, maxLength: 8 })
  .map((s) => s.replace(/:/g, '_'))
  .filter((s) => !KNOWN.includes(s) && !s.startsWith('\uFEFF'));
const retryValue = fc.oneof(fc.stringMatching(/^\d{1,20}$/), fc.constantFrom('', '1e3', '-5', ' 5', '5 ', '0x10', '١٢', '3.5'));

const line: fc.Arbitrary<Line> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('field' as const), name: fc.constant('data'), space: fc.boolean(), value: text() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('field' as const), name: fc.constantFrom('event', 'id'), space: fc.boolean(), value: text({ maxLength: 10 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('field' as const), name: fc.constant('retry'), space: fc.boolean(), value: retryValue }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('field' as const), name: unknownName, space: fc.boolean(), value: text({ maxLength: 10 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('bare' as const), name: fc.oneof(fc.constantFrom(...KNOWN), unknownName) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('comment' as const), text: text({ maxLength: 12 }) }) },
);

const block = (terminated: boolean): fc.Arbitrary<Block> =>
  fc.record({
    lines: fc.array(fc.record({ line, eol }), { maxLength: 6 }),
    end: terminated ? eol : fc.constant(undefined),
  });

/** `[DONE]` and event names that Stream treats specially turn up often. */
const specialBlock: fc.Arbitrary<Block> = fc.record({
  lines: fc.constantFrom<Line[]>(
    [{ kind: 'field', name: 'data', space: true, value: '[DONE]' }],
    [{ kind: 'field', name: 'data', space: false, value: '' }],
    [{ kind: 'field', name: 'event', space: true, value: 'error' }, { kind: 'field', name: 'data', space: true, value: '{"error":{"message":"boom","code":429}}' }],
    [{ kind: 'field', name: 'event', space: true, value: 'error' }, { kind: 'field', name: 'data', space: true, value: 'plain text failure' }],
  ).map((ls) => ls.map((l) => ({ line: l, eol: '\n' }))),
  end: eol,
});

const model: fc.Arbitrary<Model> = fc.record({
  bom: fc.boolean(),
  blocks: fc
    .tuple(fc.array(fc.oneof({ weight: 5, arbitrary: block(true) }, specialBlock), { maxLength: 8 }), fc.option(block(false), { freq: 3 }))
    .map(([done, cut]) => (cut ? [...done, cut] : done)),
  noFinalEol: fc.boolean(),
});

/** The value a field line carries: one leading space is dropped. */
const fieldValue = (space: boolean, value: string): string => {
  const raw = (space ? ' ' : '') + value;
  return raw.startsWith(' ') ? raw.slice(1) : raw;
};

/** The stream's text. A CR ending before a blank line that ends in LF would make one CRLF: that LF becomes CRLF. */
function serialize(m: Model): string {
  let out = m.bom ? '\uFEFF' : '';
  let prev: Eol | undefined;
  const put = (s: string, e: Eol | undefined) => {
    if (e === '\n' && s === '' && prev === '\r') e = '\r\n';
    out += s + (e ?? '');
    prev = e;
  };
  const lastBlock = m.blocks.at(-1);
  for (const b of m.blocks) {
    b.lines.forEach(({ line: l, eol: e }, i) => {
      const s = l.kind === 'comment' ? `:${l.text}` : l.kind === 'bare' ? l.name : `${l.name}:${l.space ? ' ' : ''}${l.value}`;
      const last = b === lastBlock && b.end === undefined && i === b.lines.length - 1;
      put(s, last && m.noFinalEol ? undefined : e);
    });
    if (b.end) put('', b.end);
  }
  return out;
}

/** The events the model says a conforming parser dispatches, and whether the stream was cut mid-event. */
function interpret(m: Model): { events: ServerSentEvent[]; cut: boolean } {
  const events: ServerSentEvent[] = [];
  let id: string | undefined;
  let retry: number | undefined;
  let cut = false;
  for (const b of m.blocks) {
    let data: string[] | undefined;
    let event: string | undefined;
    for (const { line: l } of b.lines) {
      if (l.kind === 'comment') continue;
      const [name, value] = l.kind === 'bare' ? [l.name, ''] : [l.name, fieldValue(l.space, l.value)];
      if (name === 'data') (data ??= []).push(value);
      else if (name === 'event') event = value;
      else if (name === 'id' && !value.includes('\0')) id = value;
      else if (name === 'retry' && /^[0-9]+$/.test(value)) retry = Number(value);
    }
    if (b.end && data) events.push({ event: event || undefined, data: data.join('\n'), id, retry });
    if (!b.end) cut = data !== undefined;
  }
  return { events, cut };
}

/** Feeds text chunks to the parser, as Stream does, and returns the events and flush()'s answer. */
function parseChunks(chunks: readonly string[]): { events: ServerSentEvent[]; cut: boolean } {
  const events: ServerSentEvent[] = [];
  const parser = createSSEParser((e) => events.push(e));
  for (const c of chunks) parser.feed(c);
  return { events, cut: parser.flush() };
}

/** Decodes byte chunks as Stream does (streaming UTF-8), then parses. */
function parseBytes(chunks: readonly Uint8Array[]): { events: ServerSentEvent[]; cut: boolean } {
  const decoder = new TextDecoder();
  return parseChunks([...chunks.map((c) => decoder.decode(c, { stream: true })), decoder.decode()]);
}

/** Text that is not JSON, nor the [DONE] marker. */
function notJSON(s: string): boolean {
  try {
    JSON.parse(s);
    return false;
  } catch {
    return s !== '[DONE]';
  }
}

interface Outcome {
  values: unknown[];
  error?: { kind: string; message: string; body: string | undefined };
  cancelled: boolean;
}

/** Runs a Stream over the chunks to its end and describes what happened. */
async function runStream(chunks: readonly Uint8Array[], decode?: (e: ServerSentEvent) => unknown): Promise<Outcome> {
  const { body, cancelled } = chunkedBody(chunks);
  const stream = new Stream<unknown>(new Response(body), decode ? { decode } : {});
  const values: unknown[] = [];
  try {
    for await (const v of stream) values.push(v);
  } catch (e) {
    // Only the core's typed errors may come out; anything else fails the property here.
    if (!(e instanceof SDKError)) throw e;
    return { values, error: { kind: e.name, message: e.message, body: e.body }, cancelled: cancelled() };
  }
  return { values, cancelled: cancelled() };
}

describe('SSE parser: any split of a modelled stream gives the model\'s events', () => {
  it('text chunks cut at any UTF-16 position (also between surrogates and between CR and LF)', () => {
    fc.assert(
      fc.property(model, cuts, (m, at) => {
        const input = serialize(m);
        const want = interpret(m);
        expect(parseChunks([input])).toEqual(want);
        expect(parseChunks(splitAt(input, at))).toEqual(want);
      }),
      { numRuns: runs(3000) },
    );
  });

  it('one UTF-16 unit at a time', () => {
    fc.assert(
      fc.property(model, (m) => {
        expect(parseChunks(serialize(m).split(''))).toEqual(interpret(m));
      }),
      { numRuns: runs(500) },
    );
  });

  it('UTF-8 bytes cut at any byte (also inside a multi-byte sequence), decoded as Stream decodes them', () => {
    fc.assert(
      fc.property(model, cuts, (m, at) => {
        const bytes = enc.encode(serialize(m));
        expect(parseBytes(splitAt(bytes, at))).toEqual(interpret(m));
      }),
      { numRuns: runs(2000) },
    );
  });
});

describe('Stream: any split of a modelled stream', () => {
  /** What Stream must do with the model's events: stop at [DONE], skip empty data, throw on an error event, throw when cut. */
  function expectedOutcome(m: Model): { values: ServerSentEvent[]; error?: 'event' | 'cut'; early: boolean } {
    const { events, cut } = interpret(m);
    const values: ServerSentEvent[] = [];
    for (const e of events) {
      if (e.data === '[DONE]') return { values, early: true };
      if (!e.data) continue;
      if (e.event === 'error') return { values, error: 'event', early: true };
      values.push(e);
    }
    return cut ? { values, error: 'cut', early: false } : { values, early: false };
  }

  it('yields exactly the events up to [DONE] (raw decode), throws StreamError for an error event or a cut, and cancels the body only when it stops early', async () => {
    await fc.assert(
      fc.asyncProperty(model, cuts, async (m, at) => {
        const want = expectedOutcome(m);
        const got = await runStream(splitAt(enc.encode(serialize(m)), at), (e) => e);
        expect(got.values).toEqual(want.values);
        if (want.error) {
          expect(got.error?.kind).toBe('StreamError');
          if (want.error === 'cut') expect(got.error?.message).toBe('Stream was cut before it finished');
        } else expect(got.error).toBeUndefined();
        expect(got.cancelled).toBe(want.early);
      }),
      { numRuns: runs(1500) },
    );
  });

  it('JSON values sent as (multi-line, pretty-printed) data frames come back equal, with keep-alives anywhere', async () => {
    const frame = fc.record({
      value: fc.jsonValue({ maxDepth: 3, stringUnit: 'grapheme' }),
      indent: fc.constantFrom(0, 2),
      comment: fc.option(text({ maxLength: 8 }), { nil: undefined }),
      eol,
    });
    await fc.assert(
      fc.asyncProperty(fc.array(frame, { maxLength: 8 }), fc.boolean(), cuts, async (frames, done, at) => {
        let input = '';
        const want: unknown[] = [];
        let failed: unknown;
        for (const f of frames) {
          if (f.comment !== undefined) input += `:${f.comment}${f.eol}`;
          const json = JSON.stringify(f.value, null, f.indent);
          input += json.split('\n').map((l) => `data: ${l}${f.eol}`).join('') + f.eol;
          const normal = JSON.parse(json) as unknown;
          const error = (normal as { error?: unknown } | null)?.error;
          if (failed === undefined && error && typeof error === 'object') failed = normal;
          if (failed === undefined) want.push(normal);
        }
        if (done) input += 'data: [DONE]\n\ndata: {"after":"done"}\n\n{{{ garbage';
        const got = await runStream(splitAt(enc.encode(input), at));
        expect(got.values).toEqual(want);
        if (failed === undefined) expect(got.error).toBeUndefined();
        else {
          // An OpenAI-style `{"error": {...}}` frame ends the stream with a StreamError carrying the frame.
          expect(got.error?.kind).toBe('StreamError');
          expect(JSON.parse(got.error?.body ?? '')).toEqual(failed);
        }
      }),
      { numRuns: runs(1000) },
    );
  });
});

describe('SSE: garbage', () => {
  // Mostly SSE-looking pieces, some raw bytes (invalid UTF-8 included).
  const piece = fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom('data:', 'data: ', 'event: error\n', 'event:', 'id:', 'id: \0', 'retry: 9', ':', '\n', '\r', '\r\n', '\n\n', '[DONE]', '{"error":{"message":"x"}}', '{"error":"y"}', '{', '}', '"', '1', 'null', '\uFEFF', 'é', '👋') },
    { weight: 2, arbitrary: text({ maxLength: 12, lineBreaks: true }) },
    { weight: 1, arbitrary: fc.uint8Array({ maxLength: 12 }) },
    { weight: 1, arbitrary: fc.constantFrom(Uint8Array.of(0xe2, 0x82), Uint8Array.of(0xf0, 0x9f, 0x91), Uint8Array.of(0xff), Uint8Array.of(0xc0, 0x80), Uint8Array.of(0xed, 0xa0, 0x80)) },
  );
  const garbage = fc.array(piece, { maxLength: 40 }).map(concat);

  it('the parser gives the same events and the same cut for any split of any bytes', () => {
    fc.assert(
      fc.property(garbage, cuts, (bytes, at) => {
        expect(parseBytes(splitAt(bytes, at))).toEqual(parseBytes([bytes]));
      }),
      { numRuns: runs(3000) },
    );
  });

  it('the parser gives the same events for any split of any text, lone surrogates and all', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.oneof(fc.constantFrom('data: ', ':', '\r', '\n', '\uFEFF', '\uD83D', '\uDC4B', 'event: x'), fc.string({ unit: 'binary', minLength: 1, maxLength: 1 })), maxLength: 80 }), cuts, (input, at) => {
        expect(parseChunks(splitAt(input, at))).toEqual(parseChunks([input]));
      }),
      { numRuns: runs(3000) },
    );
  });

  it('Stream (JSON decode) has one outcome for any split of any bytes, and fails only with a StreamError', async () => {
    await fc.assert(
      fc.asyncProperty(garbage, cuts, async (bytes, at) => {
        const whole = await runStream([bytes]);
        const split = await runStream(splitAt(bytes, at));
        expect(split.values).toEqual(whole.values);
        expect(split.error).toEqual(whole.error);
        if (whole.error) expect(whole.error.kind).toBe('StreamError');
      }),
      { numRuns: runs(2000) },
    );
  });

  it('an unterminated frame at the end is a StreamError (cut), never a value and never a hang', async () => {
    await fc.assert(
      fc.asyncProperty(text({ minLength: 1, maxLength: 20 }), cuts, async (data, at) => {
        const got = await runStream(splitAt(enc.encode(`data: 1\n\ndata: ${data}`), at), (e) => e.data);
        expect(got.values).toEqual(['1']);
        expect(got.error).toEqual({ kind: 'StreamError', message: 'Stream was cut before it finished', body: undefined });
      }),
      { numRuns: runs(500) },
    );
  });

  it('a StreamError is what Stream throws for malformed JSON, with the frame kept', async () => {
    await fc.assert(
      fc.asyncProperty(text({ minLength: 1, maxLength: 30 }).filter(notJSON), async (data) => {
        const got = await runStream([enc.encode(`data: ${data}\n\n`)]);
        expect(got.values).toEqual([]);
        expect(got.error?.kind).toBe('StreamError');
        expect(got.error?.body).toBe(data);
        expect(got.error?.message.startsWith('Malformed event in stream: ')).toBe(true);
      }),
      { numRuns: runs(500) },
    );
  });
});
