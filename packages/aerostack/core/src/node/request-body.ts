// A fetch body made ready for node:http: in-memory bodies are written at once with their
// content-length; Blobs and streams are read only as fast as the socket takes their chunks, so a
// body of any size is never held in memory.

import type { ClientRequest } from 'node:http';

export interface OutgoingBody {
  /** An in-memory body, written in one go. */
  bytes?: Uint8Array;
  /** A body read chunk by chunk as it is sent. */
  stream?: ReadableStream<Uint8Array>;
  /** The size when known (bytes, Blobs): sent as content-length; else the body is sent chunked. */
  length?: number;
  /** The content type the body implies, which fetch sends when the caller set none. */
  type?: string;
}

const encoder = new TextEncoder();

export function outgoingBody(body: BodyInit | null | undefined): OutgoingBody | undefined {
  if (body == null) return undefined;
  if (typeof body === 'string') {
    const bytes = encoder.encode(body);
    return { bytes, length: bytes.byteLength, type: 'text/plain;charset=UTF-8' };
  }
  if (body instanceof ArrayBuffer || ArrayBuffer.isView(body)) {
    const bytes = body instanceof ArrayBuffer ? new Uint8Array(body) : new Uint8Array(body.buffer, body.byteOffset, body.byteLength);
    return { bytes, length: bytes.byteLength };
  }
  if (body instanceof Blob) return { stream: body.stream(), length: body.size, ...(body.type && { type: body.type }) };
  if (body instanceof ReadableStream) return { stream: body as ReadableStream<Uint8Array> };
  // FormData, URLSearchParams: encoded (and typed) as fetch encodes them.
  const encoded = new Response(body);
  return { stream: encoded.body as ReadableStream<Uint8Array>, type: encoded.headers.get('content-type') ?? '' };
}

/** Resolves once the request can take more, or has closed. */
function drained(request: ClientRequest): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      request.off('drain', done).off('close', done);
      resolve();
    };
    request.on('drain', done).on('close', done);
  });
}

/**
 * Sends a stream as the request body and ends the request. When the request closes first
 * (aborted, connection lost) the stream is cancelled; a stream that fails destroys the request
 * with its error.
 */
export async function sendStream(source: ReadableStream<Uint8Array>, request: ClientRequest): Promise<void> {
  const reader = source.getReader();
  const stop = () => void reader.cancel(new Error('The request closed before its body was sent')).catch(() => undefined);
  request.once('close', stop);
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done || request.destroyed) break;
      // As fetch: a body stream yields bytes.
      if (!(value instanceof Uint8Array)) throw new TypeError('A request body stream must yield Uint8Array chunks');
      if (!request.write(value)) await drained(request);
    }
    if (!request.destroyed) request.end();
  } catch (error) {
    reader.cancel(error).catch(() => undefined);
    request.destroy(error as Error);
  } finally {
    request.off('close', stop);
  }
}
