// Response decompression, as fetch does it (node:http hands the body over as sent): gzip,
// deflate and br, several codings undone last first, an unknown coding leaving the body as it is.
// Every chunk is flushed through, so a compressed event stream still arrives event by event.

import { pipeline, Transform, type Readable, type TransformCallback } from 'node:stream';
import { constants, createBrotliDecompress, createGunzip, createInflate, createInflateRaw } from 'node:zlib';

const ZLIB = { flush: constants.Z_SYNC_FLUSH, finishFlush: constants.Z_SYNC_FLUSH };
const BROTLI = { flush: constants.BROTLI_OPERATION_FLUSH, finishFlush: constants.BROTLI_OPERATION_FLUSH };

/** HTTP's `deflate` is zlib-wrapped, but some servers send raw deflate: the first byte tells which (as browsers and undici do). */
class Inflate extends Transform {
  #inner: Transform | undefined;

  override _transform(chunk: Uint8Array, _encoding: BufferEncoding, callback: TransformCallback): void {
    if (!this.#inner) {
      if (!chunk.length) return callback();
      this.#inner = ((chunk[0] as number) & 0x0f) === 0x08 ? createInflate(ZLIB) : createInflateRaw(ZLIB);
      this.#inner.on('data', (data: Uint8Array) => this.push(data)).on('error', (error) => this.destroy(error));
    }
    this.#inner.write(chunk, callback);
  }

  override _flush(callback: TransformCallback): void {
    if (!this.#inner) return callback();
    this.#inner.once('end', () => callback()).end();
  }
}

const decoders: Record<string, (() => Transform) | undefined> = {
  gzip: () => createGunzip(ZLIB),
  'x-gzip': () => createGunzip(ZLIB),
  deflate: () => new Inflate(),
  br: () => createBrotliDecompress(BROTLI),
};

/** The body with its `content-encoding` undone. */
export function decompressed(body: Readable, contentEncoding: string | undefined): Readable {
  if (!contentEncoding) return body;
  const codings = contentEncoding.toLowerCase().split(',').map((coding) => coding.trim());
  const factories = codings.reverse().map((coding) => decoders[coding]);
  if (factories.length > 5 || !factories.every(Boolean)) return body;
  // pipeline passes errors on and destroys every stage (and so the socket) when the last one is destroyed.
  return pipeline([body, ...factories.map((create) => (create as () => Transform)())], () => undefined) as unknown as Readable;
}
