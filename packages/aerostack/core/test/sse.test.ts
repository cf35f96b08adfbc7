import { describe, expect, it } from 'vitest';
import { createSSEParser, type ServerSentEvent } from '../src/sse';

/** Feeds the chunks, flushes, and returns the events plus flush()'s answer. */
function parse(...chunks: string[]): { events: ServerSentEvent[]; cut: boolean } {
  const events: ServerSentEvent[] = [];
  const parser = createSSEParser((e) => events.push(e));
  for (const c of chunks) parser.feed(c);
  return { events, cut: parser.flush() };
}

const ev = (data: string, more: Partial<ServerSentEvent> = {}): ServerSentEvent => ({
  event: undefined,
  data,
  id: undefined,
  retry: undefined,
  ...more,
});

describe('createSSEParser', () => {
  it('parses data events and strips one leading space', () => {
    expect(parse('data: a\n\ndata:b\n\ndata:  c\n\n').events).toEqual([ev('a'), ev('b'), ev(' c')]);
  });

  it('joins multi-line data with \\n', () => {
    expect(parse('data: one\ndata:\ndata: three\n\n').events).toEqual([ev('one\n\nthree')]);
  });

  it('reads event, id and retry; id and retry carry over, event does not', () => {
    const { events } = parse('event: delta\nid: 7\nretry: 1500\ndata: x\n\ndata: y\n\n');
    expect(events).toEqual([
      ev('x', { event: 'delta', id: '7', retry: 1500 }),
      ev('y', { id: '7', retry: 1500 }),
    ]);
  });

  it('ignores an id containing NUL and a retry that is not all digits', () => {
    const { events } = parse('id: 1\nretry: 10\n\n', 'id: a\0b\nretry: 1e3\nretry: -5\nretry:\ndata: x\n\n');
    expect(events).toEqual([ev('x', { id: '1', retry: 10 })]);
  });

  it('treats an empty event name as a plain message', () => {
    expect(parse('event:\ndata: x\n\n').events).toEqual([ev('x')]);
  });

  it('strips a BOM at the start of the stream only', () => {
    expect(parse('\uFEFFdata: a\n\n').events).toEqual([ev('a')]);
    expect(parse('', '\uFEFFdata: a\n\n').events).toEqual([ev('a')]);
    // Not at the start: U+FEFF is part of a field name, which is then unknown.
    expect(parse('data: a\n\n\uFEFFdata: b\n\n').events).toEqual([ev('a')]);
  });

  it('reads a line without a colon as a field with an empty value', () => {
    expect(parse('data\n\n').events).toEqual([ev('')]);
    expect(parse('data\ndata\n\n').events).toEqual([ev('\n')]);
    expect(parse('event\ndata: x\n\n').events).toEqual([ev('x')]);
  });

  it('ignores comments and unknown fields', () => {
    expect(parse(': ping\n\n:\n\n: keep-alive\n').events).toEqual([]);
    expect(parse('foo: bar\ndata: x\n: mid\nDATA: no\n\n').events).toEqual([ev('x')]);
  });

  it('does not dispatch a block without data, and resets event for the next block', () => {
    expect(parse('event: a\nid: 3\n\ndata: x\n\n').events).toEqual([ev('x', { id: '3' })]);
  });

  it('handles LF, CRLF and lone CR line endings', () => {
    const want = [ev('a\nb'), ev('c', { event: 'e' })];
    expect(parse('data: a\ndata: b\n\nevent: e\ndata: c\n\n').events).toEqual(want);
    expect(parse('data: a\r\ndata: b\r\n\r\nevent: e\r\ndata: c\r\n\r\n').events).toEqual(want);
    expect(parse('data: a\rdata: b\r\revent: e\rdata: c\r\r').events).toEqual(want);
    expect(parse('data: a\rdata: b\n\r\nevent: e\r\ndata: c\n\r').events).toEqual(want);
  });

  it('treats a CRLF split across chunks as one line ending', () => {
    expect(parse('data: a\r', '\ndata: b\r', '\n\r', '\n').events).toEqual([ev('a\nb')]);
    // An empty chunk between CR and LF changes nothing.
    expect(parse('data: a\r', '', '\n\r\n').events).toEqual([ev('a')]);
    // CR then a non-LF: two line endings, so a blank line.
    expect(parse('data: a\r', '\rdata: b\r\r').events).toEqual([ev('a'), ev('b')]);
  });

  it('gives the same events for any split of the input', () => {
    const input =
      '\uFEFF: hi\r\nevent: delta\nid: 1\r\ndata: {"x":"héllo 👋"}\rdata: two\n\n' +
      'retry: 5\ndata\n\r\ndata: [DONE]\r\n\r\n';
    const want = parse(input).events;
    expect(want).toEqual([
      ev('{"x":"héllo 👋"}\ntwo', { event: 'delta', id: '1' }),
      ev('', { id: '1', retry: 5 }),
      ev('[DONE]', { id: '1', retry: 5 }),
    ]);
    for (let i = 1; i < input.length; i++) {
      for (let j = i; j < input.length; j++) {
        expect(parse(input.slice(0, i), input.slice(i, j), input.slice(j)).events).toEqual(want);
      }
    }
    // One UTF-16 unit at a time: the emoji's surrogates arrive apart.
    expect(parse(...input.split('')).events).toEqual(want);
  });

  it('does not dispatch an unfinished trailing event, and reports it from flush()', () => {
    expect(parse('data: a\n\ndata: b\n')).toEqual({ events: [ev('a')], cut: true });
    expect(parse('data: a\n\ndata: b')).toEqual({ events: [ev('a')], cut: true });
    expect(parse('data: a\n\nevent: x\nid: 2')).toEqual({ events: [ev('a')], cut: false });
    expect(parse('data: a\n\n: trailing comment')).toEqual({ events: [ev('a')], cut: false });
    expect(parse('data: a\n\n')).toEqual({ events: [ev('a')], cut: false });
  });

  it('reads a line split over many chunks', () => {
    const long = 'x'.repeat(10_000);
    const chunks = ['da', 'ta', ': ', ...long.match(/.{1,333}/g)!, '\n', '\n'];
    expect(parse(...chunks).events).toEqual([ev(long)]);
  });
});
