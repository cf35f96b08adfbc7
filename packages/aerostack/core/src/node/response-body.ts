// A node:http response body as a web ReadableStream: each chunk is handed on as it arrives (a
// server-sent event can be read at once), the socket is paused while the reader is behind, and
// cancelling the stream destroys the source, closing the connection.

import type { Readable } from 'node:stream';
import { AFTER_DONE } from '../stream';

export interface ResponseBody {
  stream: ReadableStream<Uint8Array>;
  /** Ends the stream with an error (an abort's reason, a failed request) and destroys the source. */
  fail(reason: unknown): void;
}

/** How long a body cancelled after `[DONE]` may take to end before the connection is closed. */
const DRAIN_MS = 1000;

/** Buffered ahead of the reader before the socket is paused. */
const HIGH_WATER_MARK = 64 * 1024;

/** `settled` runs once, when the body has ended, failed or been cancelled. */
export function responseBody(source: Readable, settled: () => void): ResponseBody {
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  let open = true;
  const finish = (failure?: { reason: unknown }) => {
    if (!open) return;
    open = false;
    if (failure) {
      controller.error(failure.reason);
      source.destroy();
    } else controller.close();
    settled();
  };
  const stream = new ReadableStream<Uint8Array>(
    {
      start(c) {
        controller = c;
        source.on('data', (chunk: Uint8Array) => {
          if (!open) return;
          // A plain Uint8Array view, as fetch hands out (not a Buffer).
          c.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
          if ((c.desiredSize ?? 0) <= 0) source.pause();
        });
        source.on('end', () => finish());
        // A body cut short fails as fetch's does: `terminated`, with Node's error as the cause.
        source.on('error', (cause) => finish({ reason: new TypeError('terminated', { cause }) }));
        // Closed before its end: the connection was cut mid-body. (The error only then: it is not cheap.)
        source.on('close', () => open && finish({ reason: new TypeError('terminated', { cause: new Error('The connection closed before the response body ended') }) }));
      },
      pull() {
        source.resume();
      },
      cancel(reason) {
        if (!open) return;
        open = false;
        // After a stream's `[DONE]` the body usually ends a moment later: read what is left, so the
        // connection goes back to the pool; a body still open after DRAIN_MS is hung up on.
        if (reason === AFTER_DONE) {
          const timer = setTimeout(() => source.destroy(), DRAIN_MS).unref();
          source.once('close', () => (clearTimeout(timer), settled())).resume();
          return;
        }
        source.destroy();
        settled();
      },
    },
    { highWaterMark: HIGH_WATER_MARK, size: (chunk) => chunk.byteLength },
  );
  return { stream, fail: (reason) => finish({ reason }) };
}
