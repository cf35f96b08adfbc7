// Properties of the multipart/form-data encoder (src/multipart.ts): random fields and files, parsed
// back by the platform's own parser (undici's `Response.formData()`), give the same fields and
// byte-identical files; the boundary occurs only as a delimiter; a Blob body's size is the number
// of bytes sent; a streamed body has exactly the bytes of the same body built in memory.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { multipart, type MultipartValue } from '../../src/multipart';
import { chunkedBody, concat, runs, splitAt, text, wellFormed } from './support';

const enc = new TextEncoder();

/** A file's contents, in every form the encoder takes. */
type Data =
  | { kind: 'bytes'; bytes: Uint8Array }
  /** A view into a larger buffer, with other bytes on both sides. */
  | { kind: 'view'; bytes: Uint8Array; before: number; after: number }
  | { kind: 'arraybuffer'; bytes: Uint8Array }
  | { kind: 'string'; text: string }
  | { kind: 'blob'; bytes: Uint8Array; type: string }
  | { kind: 'file'; bytes: Uint8Array; type: string; name: string }
  | { kind: 'stream'; bytes: Uint8Array; cuts: number[] };

type Spec =
  | { kind: 'text'; value: string }
  | { kind: 'number'; value: number }
  | { kind: 'boolean'; value: boolean }
  | { kind: 'skipped'; value: null | undefined }
  /** A Blob or File passed directly. */
  | { kind: 'blob'; data: Extract<Data, { kind: 'blob' | 'file' }> }
  | { kind: 'part'; data: Data; filename: string | undefined; contentType: string | undefined };

// Two things no encoder can get through undici's parser, so not generated for names and filenames:
// `%22`, `%0D` and `%0A` written literally are read back as `"`, CR and LF (the escaping browsers use,
// which the encoder copies, cannot tell them apart), and a leading U+FEFF is dropped (undici decodes
// the header with a BOM-stripping decoder; the bytes sent are right: see the header check below).
const unambiguous = (s: string): string => s.replace(/%(?=22|0d|0a)/gi, '%_').replace(/^\uFEFF/, '_\uFEFF');
const anyName = fc.oneof(
  { weight: 8, arbitrary: text({ minLength: 1, maxLength: 16, lineBreaks: true }) },
  { weight: 1, arbitrary: fc.constantFrom('__proto__', 'constructor', '0', '42', 'file', 'name="x"', 'a\r\n\r\nContent-Type: text/html', '--', '%22', '\uFEFFbom') },
);
const name = anyName.map(unambiguous);
const mime = fc.constantFrom('text/plain', 'application/json', 'image/png', 'application/octet-stream', 'application/x-bin', 'text/plain; charset=utf-8');

// Bytes, often holding what a careless encoder or parser could mistake for structure: CRLF,
// dashes, the encoder's own boundary prefix, a delimiter of a fixed boundary.
const bytes = fc
  .array(
    fc.oneof(
      { weight: 3, arbitrary: fc.uint8Array({ maxLength: 64 }) },
      { weight: 1, arbitrary: fc.constantFrom('\r\n', '--', '\r\n--', '\r\n------aerostack', '------aerostack0123abcd', '\r\n--XyZboundary--\r\n', '\r\n\r\n').map((s) => enc.encode(s)) },
      { weight: 1, arbitrary: fc.uint8Array({ minLength: 256, maxLength: 4096 }) },
    ),
    { maxLength: 6 },
  )
  .map(concat);

const data: fc.Arbitrary<Data> = fc.oneof(
  fc.record({ kind: fc.constant('bytes' as const), bytes }),
  fc.record({ kind: fc.constant('view' as const), bytes, before: fc.nat(16), after: fc.nat(16) }),
  fc.record({ kind: fc.constant('arraybuffer' as const), bytes }),
  fc.record({ kind: fc.constant('string' as const), text: text({ maxLength: 40, lineBreaks: true }) }),
  fc.record({ kind: fc.constant('blob' as const), bytes, type: fc.oneof(mime, fc.constant('')) }),
  fc.record({ kind: fc.constant('file' as const), bytes, type: fc.oneof(mime, fc.constant('')), name: fc.oneof(text({ maxLength: 12, lineBreaks: true }).map(unambiguous), fc.constant('')) }),
  fc.record({ kind: fc.constant('stream' as const), bytes, cuts: fc.array(fc.nat(), { maxLength: 8 }) }),
);

const spec: fc.Arbitrary<Spec> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('text' as const), value: text({ maxLength: 40, lineBreaks: true }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('number' as const), value: fc.double() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('boolean' as const), value: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('skipped' as const), value: fc.constantFrom(null, undefined) }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('blob' as const),
      data: data.filter((d): d is Extract<Data, { kind: 'blob' | 'file' }> => d.kind === 'blob' || d.kind === 'file'),
    }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('part' as const),
      data,
      filename: fc.option(text({ maxLength: 12, lineBreaks: true }).map(unambiguous), { nil: undefined }),
      contentType: fc.option(fc.oneof(mime, fc.constant('')), { nil: undefined }),
    }),
  },
);

const form = fc.uniqueArray(fc.tuple(name, spec), { maxLength: 8, selector: ([n]) => n });
/** Any names at all, for the checks that read the bytes themselves. */
const rawForm = fc.uniqueArray(fc.tuple(anyName, spec), { maxLength: 8, selector: ([n]) => n });

/** A name or filename as the HTML standard escapes it in a header: `"` → %22, CR → %0D, LF → %0A. */
const escaped = (s: string): string => s.replace(/"/g, '%22').replace(/\r/g, '%0D').replace(/\n/g, '%0A');

/** The contents as the encoder should send them. */
const contentsOf = (d: Data): Uint8Array => (d.kind === 'string' ? enc.encode(d.text) : d.bytes);

/** A fresh value for the data (streams can be read once; every build makes its own). `inMemory` turns a stream into its bytes. */
function build(d: Data, inMemory = false): Blob | Uint8Array | ArrayBuffer | string | ReadableStream<Uint8Array> {
  switch (d.kind) {
    case 'bytes':
      return d.bytes.slice();
    case 'view': {
      const buffer = new Uint8Array(d.before + d.bytes.length + d.after).fill(0x2d); // dashes around it
      buffer.set(d.bytes, d.before);
      return new Uint8Array(buffer.buffer, d.before, d.bytes.length);
    }
    case 'arraybuffer':
      return d.bytes.slice().buffer;
    case 'string':
      return d.text;
    case 'blob':
      return new Blob([d.bytes.slice()], { type: d.type });
    case 'file':
      return new File([d.bytes.slice()], d.name, { type: d.type });
    case 'stream':
      return inMemory ? d.bytes.slice() : chunkedBody(splitAt(d.bytes, d.cuts)).body;
  }
}

function fieldsOf(entries: readonly [string, Spec][], inMemory = false): Record<string, MultipartValue> {
  // fromEntries: `__proto__` becomes an own field, as it would from JSON.
  return Object.fromEntries(
    entries.map(([n, s]): [string, MultipartValue] => {
      switch (s.kind) {
        case 'text':
        case 'number':
        case 'boolean':
        case 'skipped':
          return [n, s.value];
        case 'blob':
          return [n, build(s.data) as Blob];
        case 'part':
          return [n, { data: build(s.data, inMemory), filename: s.filename, contentType: s.contentType }];
      }
    }),
  );
}

type Expected = [string, string | { name: string; type: string; bytes: Uint8Array }];

/** What parsing the body must give back, field by field, in the order the encoder writes them. */
function expected(fields: Record<string, MultipartValue>, entries: readonly [string, Spec][]): Expected[] {
  const specs = new Map(entries);
  const out: Expected[] = [];
  for (const n of Object.keys(fields)) {
    const s = specs.get(n)!;
    if (s.kind === 'skipped') continue;
    if (s.kind === 'text' || s.kind === 'number' || s.kind === 'boolean') {
      out.push([n, wellFormed(String(s.value))]);
      continue;
    }
    const d = s.data;
    const own = d.kind === 'blob' || d.kind === 'file' ? d.type : '';
    const ownName = d.kind === 'file' ? d.name : '';
    const filename = s.kind === 'part' && s.filename !== undefined ? s.filename : ownName || 'blob';
    const type = (s.kind === 'part' && s.contentType) || own || 'application/octet-stream';
    out.push([n, { name: wellFormed(filename), type, bytes: contentsOf(d) }]);
  }
  return out;
}

async function parse(body: Blob | ReadableStream<Uint8Array>, contentType: string): Promise<Expected[]> {
  const parsed = await new Response(body, { headers: { 'content-type': contentType } }).formData();
  const out: Expected[] = [];
  for (const [n, v] of parsed) out.push([n, typeof v === 'string' ? v : { name: v.name, type: v.type, bytes: new Uint8Array(await v.arrayBuffer()) }]);
  return out;
}

/** Every index of `needle` in `hay`. */
function occurrences(hay: Uint8Array, needle: Uint8Array): number[] {
  const found: number[] = [];
  const buf = Buffer.from(hay.buffer, hay.byteOffset, hay.byteLength);
  for (let i = buf.indexOf(needle); i >= 0; i = buf.indexOf(needle, i + 1)) found.push(i);
  return found;
}

const bytesOf = async (body: Blob | ReadableStream<Uint8Array>): Promise<Uint8Array> => new Uint8Array(await new Response(body).arrayBuffer());

describe('multipart: properties', () => {
  it('parses back (undici) into the same fields, in order, with byte-identical files', async () => {
    await fc.assert(
      fc.asyncProperty(form, async (entries) => {
        const fields = fieldsOf(entries);
        const out = multipart(fields);
        expect(out.streaming).toBe(entries.some(([, s]) => s.kind === 'part' && s.data.kind === 'stream'));
        expect(out.body instanceof ReadableStream).toBe(out.streaming);
        expect(await parse(out.body, out.contentType)).toEqual(expected(fields, entries));
      }),
      { numRuns: runs(1000) },
    );
  });

  it('uses the boundary only as delimiters, one per part plus the closing one; each part names itself, escaped; a Blob body is exactly its size', async () => {
    await fc.assert(
      fc.asyncProperty(rawForm, async (entries) => {
        const fields = fieldsOf(entries);
        const out = multipart(fields);
        const boundary = /^multipart\/form-data; boundary=(.+)$/.exec(out.contentType)?.[1] ?? '';
        expect(boundary).toMatch(/^[0-9A-Za-z'()+_,\-./:=?]{1,70}$/); // RFC 2046's bchars, at most 70
        const body = await bytesOf(out.body);
        if (out.body instanceof Blob) expect(out.body.size).toBe(body.length);
        const parts = entries.filter(([, s]) => s.kind !== 'skipped').length;
        const at = occurrences(body, enc.encode(`--${boundary}`));
        expect(at).toHaveLength(parts + 1);
        // First at the very start; every other one right after a CRLF; the last is the close.
        at.forEach((i, k) => {
          if (k === 0) expect(i).toBe(0);
          else expect([...body.subarray(i - 2, i)]).toEqual([13, 10]);
        });
        const end = enc.encode(`--${boundary}--\r\n`);
        expect([...body.subarray(body.length - end.length)]).toEqual([...end]);
        // Part k starts with its own header line, the name escaped, so nothing in a name can end it early.
        const present = Object.keys(fields).filter((n) => fields[n] != null);
        present.forEach((n, k) => {
          const head = enc.encode(`--${boundary}\r\nContent-Disposition: form-data; name="${escaped(n)}"`);
          const start = at[k] ?? -1;
          expect(Buffer.from(body.subarray(start, start + head.length)).equals(Buffer.from(head))).toBe(true);
        });
      }),
      { numRuns: runs(1000) },
    );
  });

  it('streams exactly the bytes of the same body built in memory (same boundary), whatever the chunking', async () => {
    await fc.assert(
      fc.asyncProperty(form, fc.stringMatching(/^[0-9A-Za-z]{1,40}$/), async (entries, boundary) => {
        const streamed = multipart(fieldsOf(entries), boundary);
        const inMemory = multipart(fieldsOf(entries, true), boundary);
        expect(inMemory.streaming).toBe(false);
        const want = await bytesOf(inMemory.body);
        expect((inMemory.body as Blob).size).toBe(want.length);
        expect(Buffer.from(await bytesOf(streamed.body)).equals(Buffer.from(want))).toBe(true);
      }),
      { numRuns: runs(1000) },
    );
  });
});
