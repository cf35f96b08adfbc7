// A typed async iterable over a server-sent events response (OpenAI-style `data: {...}` frames
// ending with `data: [DONE]`). Any way out before the body ends cancels it, closing the
// connection.

import { abortError, APIConnectionTimeoutError, APIUserAbortError, StreamError, type SDKError } from './errors';
import { NO_TIMEOUT } from './connect';
import { clip, defaultParseError, readable, tryJSON } from './response';
import { createSSEParser, type ServerSentEvent } from './sse';

export interface StreamOptions<T> {
  /** Turns one event into a value; default: `JSON.parse(event.data)`. Return undefined to skip the event. */
  decode?: (event: ServerSentEvent) => T | undefined;
  /**
   * Ms the body may go without a byte (keep-alive comments count) before the stream fails with an
   * `APIConnectionTimeoutError` and hangs up. `streamRequest` sets the call's `timeout` (60 s by
   * default); 0, unset (on a Stream you make yourself) or 2^31 and above (`Infinity`): wait forever.
   */
  idleTimeout?: number | undefined;
  /** The caller's signal (`streamRequest` passes the call's): when it aborts the body, its reason is the error's cause. */
  signal?: AbortSignal | undefined;
}

/** A StreamError from an error frame: whatever shape its JSON has (as for error responses), or plain text. */
function frameError(data: string, details: unknown): StreamError {
  const { code, message } = defaultParseError(details);
  return new StreamError(clip(readable(message) ?? readable(data) ?? 'Error event in stream'), { body: data, details, code });
}

function parse(data: string): unknown {
  try {
    return JSON.parse(data);
  } catch (cause) {
    throw new StreamError(`Malformed event in stream: ${data.slice(0, 100)}`, { body: data, cause });
  }
}

function decodeJSON(event: ServerSentEvent): unknown {
  const value = parse(event.data);
  // OpenAI and compatible servers report a mid-stream failure as `{"error": {...}}`.
  const error = (value as { error?: unknown } | null)?.error;
  if (error && typeof error === 'object') throw frameError(event.data, value);
  return value;
}

/**
 * The reason a Stream cancels its body with after `[DONE]`: what is left is usually the body's end,
 * a moment later, so a transport may read on briefly to keep the connection (node:http does).
 */
export const AFTER_DONE = 'after [DONE]';

/** The error for a body that failed or ended mid-event. */
const cut = (cause?: unknown): SDKError =>
  (cause as { name?: unknown } | null)?.name === 'AbortError'
    ? new APIUserAbortError('Request was aborted', { cause })
    : new StreamError('Stream was cut before it finished', { cause });

/** A stream of decoded server-sent events: `for await` over it, once. */
export interface Stream<T> extends AsyncIterable<T> {
  /** The underlying Response (status, headers). */
  readonly response: Response;
  [Symbol.asyncIterator](): AsyncIterator<T>;
  /** A ReadableStream of the decoded values; cancelling it cancels the response body. */
  toReadableStream(): ReadableStream<T>;
}

export interface StreamConstructor {
  new <T>(response: Response, options?: StreamOptions<T>): Stream<T>;
}

// An interface and a constant rather than a class, as `APIPromise` (see api-promise.ts): the
// declared type has no private member, so streams from any copy of the core are the same type.
export const Stream: StreamConstructor = class<T> implements Stream<T> {
  // `declare`d, assigned in the constructor: the build emits no field definition for it.
  declare readonly response: Response;
  readonly #options: StreamOptions<T>;
  #used = false;

  constructor(response: Response, options: StreamOptions<T> = {}) {
    this.response = response;
    this.#options = options;
  }

  async *[Symbol.asyncIterator](): AsyncIterator<T> {
    if (this.#used) throw new StreamError('Stream already consumed');
    this.#used = true;
    // The options are read here, when the iteration starts.
    const { idleTimeout: idle = 0, signal } = this.#options;
    const decode = this.#options.decode ?? (decodeJSON as (event: ServerSentEvent) => T);
    // 0, or past what timers hold (2^31 ms; Infinity): none (a timer would fire at once).
    const timeout = idle > 0 && idle < NO_TIMEOUT ? idle : 0;
    const body = this.response.body;
    if (!body) return;
    const reader = body.getReader();
    const decoder = new TextDecoder();
    const events: ServerSentEvent[] = [];
    const parser = createSSEParser((e) => events.push(e));
    let ended = false; // the body was read to its end: nothing to cancel
    let done = false; // `[DONE]` came
    try {
      while (!ended) {
        const chunk = await new Promise<ReadableStreamReadResult<Uint8Array>>((resolve, reject) => {
          const timer = timeout && setTimeout(() => reject(new APIConnectionTimeoutError(`Stream stalled: no data for ${timeout} ms`)), timeout);
          reader
            .read()
            .then(resolve, (e: unknown) => {
              ended = true; // an errored body needs no cancel
              reject(signal?.aborted ? abortError(signal) : cut(e));
            })
            .finally(() => clearTimeout(timer));
        });
        if (chunk.done) {
          ended = true;
          parser.feed(decoder.decode());
          if (parser.flush()) throw cut();
        } else parser.feed(decoder.decode(chunk.value, { stream: true }));
        for (const e of events) {
          if (e.data === '[DONE]') return void (done = true);
          if (!e.data) continue; // keep-alive
          if (e.event === 'error') throw frameError(e.data, tryJSON(e.data) ?? e.data);
          const value = decode(e);
          // Events already read when the caller aborts are not handed over: an abort ends the loop at once.
          if (signal?.aborted) throw abortError(signal);
          if (value !== undefined) yield value;
        }
        events.length = 0;
      }
    } finally {
      if (!ended) reader.cancel(done ? AFTER_DONE : undefined).catch(() => undefined);
    }
  }

  toReadableStream(): ReadableStream<T> {
    const it = this[Symbol.asyncIterator]();
    return new ReadableStream<T>(
      {
        async pull(controller) {
          const r = await it.next();
          if (r.done) controller.close();
          else controller.enqueue(r.value);
        },
        async cancel() {
          await it.return?.();
        },
      },
      { highWaterMark: 0 },
    );
  }
};
