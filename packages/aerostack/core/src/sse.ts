// Server-sent events parser, following the WHATWG EventSource rules
// (https://html.spec.whatwg.org/multipage/server-sent-events.html#event-stream-interpretation).
// Fed decoded text split anywhere. Lines are found with cached indexOf scans, so each chunk is
// scanned once; only the unfinished last line of a chunk is kept between calls.

export interface ServerSentEvent {
  /** The `event` field; undefined when absent or empty (a plain "message"). */
  event: string | undefined;
  /** The `data` lines, joined with "\n". */
  data: string;
  /** The last event id the stream set (it carries over to later events, as in EventSource). */
  id: string | undefined;
  /** The last reconnection time (ms) the stream set with `retry`. */
  retry: number | undefined;
}

export interface SSEParser {
  /** Parses one chunk of text and calls `onEvent` for each event it completes. */
  feed(chunk: string): void;
  /**
   * Ends the input. An unfinished trailing event is dropped, as the spec says; returns true when
   * one had data, i.e. the stream was cut mid-event.
   */
  flush(): boolean;
}

export function createSSEParser(onEvent: (event: ServerSentEvent) => void): SSEParser {
  let tail = ''; // unfinished line from the previous chunk
  let bom = true; // nothing seen yet: a leading U+FEFF is dropped
  let cr = false; // the previous chunk ended in CR: a leading LF ends no line
  let data: string | undefined; // undefined = empty data buffer
  let event: string | undefined;
  let id: string | undefined;
  let retry: number | undefined;

  const line = (s: string, start: number, end: number): void => {
    if (start === end) {
      // Blank line: dispatch; without data the event is dropped but the buffers still reset.
      if (data !== undefined) onEvent({ event: event || undefined, data, id, retry });
      data = event = undefined;
      return;
    }
    // The common `data:` line takes a fast path: no slice of the whole line.
    let field = 'data';
    let value: string;
    if (s.startsWith('data:', start)) {
      value = s.slice(s.charCodeAt(start + 5) === 32 ? start + 6 : start + 5, end);
    } else {
      const l = s.slice(start, end);
      const c = l.indexOf(':');
      if (!c) return; // comment (keep-alive)
      // No colon: the whole line is the field name, with an empty value.
      field = c < 0 ? l : l.slice(0, c);
      value = c < 0 ? '' : l.slice(l.charCodeAt(c + 1) === 32 ? c + 2 : c + 1);
    }
    if (field === 'data') data = data === undefined ? value : data + '\n' + value;
    else if (field === 'event') event = value;
    else if (field === 'id') {
      if (!value.includes('\0')) id = value;
    } else if (field === 'retry' && /^\d+$/.test(value)) retry = +value;
  };

  return {
    feed(chunk) {
      const n = chunk.length;
      if (!n) return;
      let pos = 0;
      if (bom) {
        bom = false;
        if (chunk.charCodeAt(0) === 0xfeff) pos = 1;
      }
      if (cr) {
        cr = false;
        if (chunk.charCodeAt(pos) === 10) pos++;
      }
      // Next LF / CR at or after `pos`; n when there is none. Rescanned only once passed.
      let lf = -1;
      let r = -1;
      for (;;) {
        if (lf < pos && (lf = chunk.indexOf('\n', pos)) < 0) lf = n;
        if (r < pos && (r = chunk.indexOf('\r', pos)) < 0) r = n;
        const end = lf < r ? lf : r;
        if (end >= n) break;
        if (tail) {
          const l = tail + chunk.slice(pos, end);
          tail = '';
          line(l, 0, l.length);
        } else line(chunk, pos, end);
        pos = end + 1;
        if (end === r) {
          // CRLF is one line ending, also when split across chunks.
          if (pos === n) cr = true;
          else if (chunk.charCodeAt(pos) === 10) pos++;
        }
      }
      if (pos < n) tail += chunk.slice(pos);
    },
    flush() {
      if (tail) line(tail, 0, tail.length);
      const cut = data !== undefined;
      tail = '';
      data = event = undefined;
      bom = true;
      cr = false;
      return cut;
    },
  };
}
