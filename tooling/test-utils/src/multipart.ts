// Helpers for tests of multipart uploads (core, storage, Smarter files): the bytes a request
// carried, its form as a server parses it, and expected bodies built piece by piece.
import type { SentRequest } from './fetch';

const enc = new TextEncoder();

/** Strings (UTF-8) and byte arrays joined into one byte array. */
export function concat(...pieces: (string | Uint8Array)[]): Uint8Array {
  const arrays = pieces.map((p) => (typeof p === 'string' ? enc.encode(p) : p));
  const out = new Uint8Array(arrays.reduce((n, a) => n + a.length, 0));
  let at = 0;
  for (const a of arrays) {
    out.set(a, at);
    at += a.length;
  }
  return out;
}

/** The boundary of a `multipart/form-data` content type (throws for any other type). */
export const boundaryOf = (contentType: string | undefined): string => {
  const m = /^multipart\/form-data; boundary=(\S+)$/.exec(contentType ?? '');
  if (!m) throw new Error(`not a multipart content type: ${String(contentType)}`);
  return m[1]!;
};

/** The body a request carried, read whole (a Blob or a stream). */
export const bodyBytes = async (req: SentRequest): Promise<Uint8Array> => new Uint8Array(await new Response(req.init.body).arrayBuffer());

/** The form a request carried, parsed as a server would. */
export const formOf = (req: SentRequest): Promise<FormData> =>
  new Response(req.init.body, { headers: { 'content-type': req.headers['content-type']! } }).formData();
