// A streaming multipart/form-data reader. `c.req.formData()` would hold the whole file in memory;
// this reads the request body as it arrives: text fields are collected (small), and a file part is
// handed over as its chunks, which the caller writes on to R2 while the client is still sending.

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** Largest headers block of one part, and largest text field. */
const MAX_HEADERS = 16 * 1024;
const MAX_FIELD = 64 * 1024;

export class MultipartError extends Error {}

export interface PartInfo {
  name: string;
  filename: string | undefined;
  contentType: string | undefined;
}

export interface Handlers {
  /** Whether the part named `name` is streamed to `file` (else it is read as a text field). */
  isFile(name: string): boolean;
  field(name: string, value: string): void;
  /** Must read `chunks` to the end (or throw). */
  file(part: PartInfo, chunks: AsyncGenerator<Uint8Array>): Promise<void>;
}

/** The boundary of a `multipart/form-data` content type, or undefined for any other type. */
export function boundaryOf(contentType: string | undefined): string | undefined {
  if (!contentType || !/^multipart\/form-data\s*(;|$)/i.test(contentType.trim())) return undefined;
  const match = /;\s*boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  return match?.[1] ?? match?.[2];
}

function indexOf(haystack: Uint8Array, needle: Uint8Array, from = 0): number {
  const first = needle[0];
  const last = haystack.length - needle.length;
  outer: for (let i = haystack.indexOf(first as number, from); i !== -1 && i <= last; i = haystack.indexOf(first as number, i + 1)) {
    for (let j = 1; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  if (!a.length) return b;
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

function parseHeaders(block: string): PartInfo {
  let name: string | undefined;
  let filename: string | undefined;
  let contentType: string | undefined;
  for (const line of block.split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon < 0) continue;
    const header = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    if (header === 'content-type') contentType = value;
    if (header !== 'content-disposition') continue;
    // Browsers escape `"` as %22 and CR/LF as %0D/%0A in names and filenames.
    const param = (p: string) => {
      const m = new RegExp(`;\\s*${p}="([^"]*)"`, 'i').exec(value) ?? new RegExp(`;\\s*${p}=([^;\\s]*)`, 'i').exec(value);
      return m?.[1]?.replace(/%22/g, '"').replace(/%0D/gi, '\r').replace(/%0A/gi, '\n');
    };
    name = param('name');
    filename = param('filename');
  }
  if (name === undefined) throw new MultipartError('a part has no Content-Disposition name');
  return { name, filename, contentType };
}

async function skip(chunks: AsyncGenerator<Uint8Array>): Promise<void> {
  while (!(await chunks.next()).done);
}

/** Reads the whole body, part by part. Throws MultipartError on a malformed body. */
export async function readMultipart(body: ReadableStream<Uint8Array>, boundary: string, handlers: Handlers): Promise<void> {
  const reader = body.getReader();
  // The first delimiter has no CRLF before it: start the buffer with one, so every delimiter is `\r\n--boundary`.
  const delimiter = encoder.encode(`\r\n--${boundary}`);
  let buf: Uint8Array = encoder.encode('\r\n');
  let ended = false;

  const fill = async (): Promise<void> => {
    if (ended) throw new MultipartError('the body ends before the closing boundary');
    const { value, done } = await reader.read();
    if (done) ended = true;
    else buf = concat(buf, value);
  };
  /** At least `n` bytes in `buf`. */
  const need = async (n: number) => {
    while (buf.length < n) await fill();
  };

  /** The bytes up to the next delimiter, as they come; `buf` is left just after the delimiter. */
  async function* untilDelimiter(): AsyncGenerator<Uint8Array> {
    for (;;) {
      const at = indexOf(buf, delimiter);
      if (at >= 0) {
        const chunk = buf.subarray(0, at);
        buf = buf.subarray(at + delimiter.length);
        if (chunk.length) yield chunk;
        return;
      }
      // Keep a tail that could be the start of a delimiter split across reads.
      const emit = buf.length - (delimiter.length - 1);
      if (emit > 0) {
        const chunk = buf.subarray(0, emit);
        buf = buf.subarray(emit);
        yield chunk;
      }
      await fill();
    }
  }

  try {
    // The preamble (normally empty) up to the first delimiter.
    await skip(untilDelimiter());
    for (;;) {
      await need(2);
      if (buf[0] === 0x2d && buf[1] === 0x2d) return; // `--`: the closing delimiter (the epilogue is ignored)
      // Optional transport padding, then CRLF.
      let headersEnd = indexOf(buf, encoder.encode('\r\n\r\n'));
      while (headersEnd < 0) {
        if (buf.length > MAX_HEADERS) throw new MultipartError('part headers too long');
        await fill();
        headersEnd = indexOf(buf, encoder.encode('\r\n\r\n'));
      }
      const block = decoder.decode(buf.subarray(0, headersEnd));
      const firstBreak = block.indexOf('\r\n');
      if (firstBreak < 0 ? block.trim() !== '' : block.slice(0, firstBreak).trim() !== '') throw new MultipartError('no line break after a boundary');
      const part = parseHeaders(firstBreak < 0 ? '' : block.slice(firstBreak + 2));
      buf = buf.subarray(headersEnd + 4);
      if (handlers.isFile(part.name)) {
        const chunks = untilDelimiter();
        await handlers.file(part, chunks);
        await skip(chunks); // whatever the handler left
      } else {
        const pieces: Uint8Array[] = [];
        let size = 0;
        for await (const chunk of untilDelimiter()) {
          size += chunk.length;
          if (size > MAX_FIELD) throw new MultipartError(`field "${part.name}" is longer than ${MAX_FIELD} bytes`);
          pieces.push(chunk);
        }
        handlers.field(part.name, decoder.decode(pieces.reduce(concat, new Uint8Array(0))));
      }
    }
  } finally {
    reader.releaseLock();
  }
}

/** Reads what is left of a body and drops it, so the client gets the answer instead of a reset. */
export async function drain(body: ReadableStream<Uint8Array> | null): Promise<void> {
  if (!body) return;
  try {
    const reader = body.getReader();
    while (!(await reader.read()).done);
  } catch {
    // a body already read, or a client gone
  }
}
