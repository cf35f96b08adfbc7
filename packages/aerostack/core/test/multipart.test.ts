import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { InvalidRequestError } from '../src/errors';
import { multipart, type MultipartValue } from '../src/multipart';
// Relative, not the package: @aerostack-internal/test-utils depends on this package.
import { concat } from '../../../../tooling/test-utils/src/multipart';

const B = 'XyZboundary';
const enc = new TextEncoder();
const BIN = new Uint8Array([0x00, 0xff, 0x0d, 0x0a, 0x41, 0x2d, 0x2d]);

const text = (name: string, value: string): string =>
  `--${B}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
const fileHead = (name: string, filename: string, type: string): string =>
  `--${B}\r\nContent-Disposition: form-data; name="${name}"; filename="${filename}"\r\nContent-Type: ${type}\r\n\r\n`;

/** The fixed fields of the exact-bytes tests, and their expected encoding. */
function fixture(): { fields: Record<string, MultipartValue>; expected: Uint8Array } {
  const fields: Record<string, MultipartValue> = {
    title: 'héllo wörld',
    count: 42,
    flag: false,
    skippedUndefined: undefined,
    skippedNull: null,
    'we"ird\r\nname': 'v',
    bytes: { data: BIN, filename: 'a "q".bin', contentType: 'application/x-bin' },
    blob: new Blob([BIN], { type: 'image/png' }),
    file: new File(['file text ✓'], 'notes.txt', { type: 'text/plain' }),
  };
  const expected = concat(
    text('title', 'héllo wörld'),
    text('count', '42'),
    text('flag', 'false'),
    text('we%22ird%0D%0Aname', 'v'),
    fileHead('bytes', 'a %22q%22.bin', 'application/x-bin'),
    BIN,
    '\r\n',
    fileHead('blob', 'blob', 'image/png'),
    BIN,
    '\r\n',
    fileHead('file', 'notes.txt', 'text/plain'),
    'file text ✓\r\n',
    `--${B}--\r\n`,
  );
  return { fields, expected };
}

interface Source {
  stream: ReadableStream<Uint8Array>;
  chunks: Uint8Array[];
  pulls: () => number;
  cancelled: () => unknown[];
}

/** A pull-counting source with no buffering of its own (highWaterMark 0). */
function source(chunks: Uint8Array[], opts: { failAfter?: number; hang?: boolean } = {}): Source {
  let pulls = 0;
  const cancelled: unknown[] = [];
  const stream = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (opts.hang) return new Promise<void>(() => undefined);
        if (opts.failAfter !== undefined && pulls >= opts.failAfter) throw new Error('boom');
        const chunk = chunks[pulls++];
        if (chunk) controller.enqueue(chunk);
        else controller.close();
        return undefined;
      },
      cancel(reason) {
        cancelled.push(reason);
      },
    },
    { highWaterMark: 0 },
  );
  return { stream, chunks, pulls: () => pulls, cancelled: () => cancelled };
}

async function readAll(stream: ReadableStream<Uint8Array>): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  const reader = stream.getReader();
  for (let r = await reader.read(); !r.done; r = await reader.read()) parts.push(r.value);
  return concat(...parts);
}

function invalid(fields: Record<string, MultipartValue>): InvalidRequestError {
  try {
    multipart(fields, B);
  } catch (e) {
    expect(e).toBeInstanceOf(InvalidRequestError);
    return e as InvalidRequestError;
  }
  throw new Error('multipart() did not throw');
}

describe('multipart: in-memory and Blob parts', () => {
  it('encodes exactly the expected bytes for a fixed boundary', async () => {
    const { fields, expected } = fixture();
    const out = multipart(fields, B);
    expect(out.streaming).toBe(false);
    expect(out.contentType).toBe(`multipart/form-data; boundary=${B}`);
    expect(out.body).toBeInstanceOf(Blob);
    expect(new Uint8Array(await (out.body as Blob).arrayBuffer())).toEqual(expected);
  });

  it('handles string, ArrayBuffer and File data in a FilePart, and the defaults', async () => {
    const out = multipart(
      {
        s: { data: 'ünïcode text' },
        ab: { data: BIN.slice().buffer, contentType: 'application/pdf' },
        renamed: { data: new File(['x'], 'orig.txt', { type: 'text/plain' }), filename: 'new.txt' },
        retyped: { data: new Blob(['y'], { type: 'text/plain' }), contentType: 'text/csv' },
        untyped: new Blob(['z']),
        nameless: new File(['w'], ''),
        emptyName: { data: 'e', filename: '' },
      },
      B,
    );
    const expected = concat(
      fileHead('s', 'blob', 'application/octet-stream'),
      'ünïcode text\r\n',
      fileHead('ab', 'blob', 'application/pdf'),
      BIN,
      '\r\n',
      fileHead('renamed', 'new.txt', 'text/plain'),
      'x\r\n',
      fileHead('retyped', 'blob', 'text/csv'),
      'y\r\n',
      fileHead('untyped', 'blob', 'application/octet-stream'),
      'z\r\n',
      fileHead('nameless', 'blob', 'application/octet-stream'),
      'w\r\n',
      fileHead('emptyName', '', 'application/octet-stream'),
      'e\r\n',
      `--${B}--\r\n`,
    );
    expect(new Uint8Array(await (out.body as Blob).arrayBuffer())).toEqual(expected);
  });

  it('encodes no fields as just the closing delimiter', async () => {
    const out = multipart({ a: undefined }, B);
    expect(await (out.body as Blob).text()).toBe(`--${B}--\r\n`);
  });

  it('does not read Blob parts while building the body', () => {
    let reads = 0;
    class SpyBlob extends Blob {
      override stream(): ReadableStream<Uint8Array<ArrayBuffer>> {
        reads++;
        return super.stream();
      }
      override arrayBuffer(): Promise<ArrayBuffer> {
        reads++;
        return super.arrayBuffer();
      }
      override text(): Promise<string> {
        reads++;
        return super.text();
      }
    }
    const out = multipart({ f: new SpyBlob(['data']), g: { data: new SpyBlob(['more']) } }, B);
    expect(out.body).toBeInstanceOf(Blob);
    expect(reads).toBe(0);
  });

  it('uses a random boundary by default', () => {
    const a = multipart({ x: '1' });
    const b = multipart({ x: '1' });
    expect(a.contentType).toMatch(/^multipart\/form-data; boundary=----aerostack[0-9a-f]{32}$/);
    expect(a.contentType).not.toBe(b.contentType);
  });
});

describe('multipart: stream parts', () => {
  it('streams exactly the expected bytes, pulling the source lazily and passing its chunks through', async () => {
    const { fields, expected } = fixture();
    const src = source([new Uint8Array([1, 2, 3]), BIN, new Uint8Array([0xff])]);
    const out = multipart({ ...fields, streamed: { data: src.stream, filename: 'big.bin' } }, B);
    expect(out.streaming).toBe(true);
    expect(out.body).toBeInstanceOf(ReadableStream);
    expect(src.pulls()).toBe(0);

    const reader = (out.body as ReadableStream<Uint8Array>).getReader();
    // Reads one output chunk, then gives any eager read-ahead time to happen.
    const next = async (): Promise<ReadableStreamReadResult<Uint8Array>> => {
      const result = await reader.read();
      await new Promise((resolve) => setTimeout(resolve, 5));
      return result;
    };
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(src.pulls()).toBe(0);
    const got: Uint8Array[] = [];
    // Everything before the stream part comes from memory: the source is not touched.
    let r = await next();
    while (!r.done && r.value !== src.chunks[0]) {
      expect(src.pulls()).toBe(0);
      got.push(r.value);
      r = await next();
    }
    // The source's chunks come out as the very same objects, one pull per output read.
    for (const [k, chunk] of src.chunks.entries()) {
      expect(r.value).toBe(chunk);
      expect(src.pulls()).toBe(k + 1);
      got.push(chunk);
      r = await next();
    }
    while (!r.done) {
      got.push(r.value);
      r = await next();
    }

    const head = expected.subarray(0, expected.length - `--${B}--\r\n`.length);
    expect(concat(...got)).toEqual(
      concat(
        head,
        fileHead('streamed', 'big.bin', 'application/octet-stream'),
        new Uint8Array([1, 2, 3]),
        BIN,
        new Uint8Array([0xff]),
        `\r\n--${B}--\r\n`,
      ),
    );
  });

  it('streams several stream parts and Blob parts in order', async () => {
    const a = source([enc.encode('A1'), enc.encode('A2')]);
    const b = source([enc.encode('B1')]);
    const out = multipart(
      { a: { data: a.stream, contentType: 'text/plain' }, mid: new Blob(['M']), b: { data: b.stream }, t: 'end' },
      B,
    );
    const bytes = await readAll(out.body as ReadableStream<Uint8Array>);
    expect(bytes).toEqual(
      concat(
        fileHead('a', 'blob', 'text/plain'),
        'A1A2\r\n',
        fileHead('mid', 'blob', 'application/octet-stream'),
        'M\r\n',
        fileHead('b', 'blob', 'application/octet-stream'),
        'B1\r\n',
        text('t', 'end'),
        `--${B}--\r\n`,
      ),
    );
  });

  it('cancelling the output cancels the source being read and the ones not reached yet', async () => {
    const a = source([enc.encode('A1'), enc.encode('A2')]);
    const b = source([enc.encode('B1')]);
    const out = multipart({ a: { data: a.stream }, b: { data: b.stream } }, B);
    const reader = (out.body as ReadableStream<Uint8Array>).getReader();
    let r = await reader.read();
    while (!r.done && r.value !== a.chunks[0]) r = await reader.read();
    expect(r.value).toBe(a.chunks[0]);
    await reader.cancel('enough');
    expect(a.cancelled()).toEqual(['enough']);
    expect(b.cancelled()).toEqual(['enough']);
  });

  it('cancelling before anything was read cancels every source', async () => {
    const a = source([enc.encode('A1')]);
    const out = multipart({ a: { data: a.stream } }, B);
    await (out.body as ReadableStream<Uint8Array>).cancel('never mind');
    expect(a.cancelled()).toEqual(['never mind']);
    expect(a.pulls()).toBe(0);
  });

  it('cancelling while a source read is pending ends cleanly', async () => {
    const a = source([], { hang: true });
    const out = multipart({ a: { data: a.stream }, after: 'x' }, B);
    const reader = (out.body as ReadableStream<Uint8Array>).getReader();
    await reader.read(); // the part header
    const pending = reader.read();
    await new Promise((resolve) => setTimeout(resolve, 10));
    await reader.cancel('stop');
    await expect(pending).resolves.toEqual({ done: true, value: undefined });
    expect(a.cancelled()).toEqual(['stop']);
    await new Promise((resolve) => setTimeout(resolve, 10));
  });

  it('an error in a source errors the output and cancels the streams not reached yet', async () => {
    const a = source([enc.encode('A1'), enc.encode('A2')], { failAfter: 1 });
    const b = source([enc.encode('B1')]);
    const out = multipart({ a: { data: a.stream }, b: { data: b.stream } }, B);
    await expect(readAll(out.body as ReadableStream<Uint8Array>)).rejects.toThrow('boom');
    expect(b.cancelled()).toHaveLength(1);
    expect(b.cancelled()[0]).toBeInstanceOf(Error);
  });

  it('passes a large stream through by identity, without buffering it', async () => {
    // A full GC between samples makes the resident size track what is really retained.
    setFlagsFromString('--expose_gc');
    const gc = runInNewContext('gc') as () => void;
    const CHUNK = 64 * 1024;
    const run = async (total: number): Promise<{ bytes: number; same: boolean; growth: number }> => {
      let emitted = 0;
      let last: Uint8Array | undefined;
      const stream = new ReadableStream<Uint8Array>(
        {
          pull(controller) {
            if (emitted >= total) return controller.close();
            last = new Uint8Array(CHUNK).fill(emitted & 0xff);
            emitted += CHUNK;
            controller.enqueue(last);
          },
        },
        { highWaterMark: 0 },
      );
      const out = multipart({ meta: 'x', big: { data: stream, filename: 'big.bin' } }, B);
      gc();
      const base = process.memoryUsage().rss;
      let peak = base;
      let bytes = 0;
      let same = true;
      let n = 0;
      const reader = (out.body as ReadableStream<Uint8Array>).getReader();
      for (let r = await reader.read(); !r.done; r = await reader.read()) {
        const chunk = r.value;
        bytes += chunk.length;
        if (chunk.length === CHUNK) same &&= chunk === last;
        if (++n % 64 === 0) {
          gc();
          peak = Math.max(peak, process.memoryUsage().rss);
        }
      }
      return { bytes, same, growth: peak - base };
    };
    await run(4 * 1024 * 1024); // warm up
    const total = 50 * 1024 * 1024;
    const { bytes, same, growth } = await run(total);
    const overhead = `--${B}\r\nContent-Disposition: form-data; name="meta"\r\n\r\nx\r\n`.length +
      fileHead('big', 'big.bin', 'application/octet-stream').length + `\r\n--${B}--\r\n`.length;
    expect(bytes).toBe(total + overhead);
    expect(same).toBe(true);
    expect(growth).toBeLessThan(40 * 1024 * 1024);
  });
});

describe('multipart: parse round trip (undici)', () => {
  const fields = (stream?: ReadableStream<Uint8Array>): Record<string, MultipartValue> => ({
    title: 'héllo',
    n: 7,
    'quo"ted\r\nname': 'q',
    bytes: { data: BIN, filename: 'we "ird"\nname.bin', contentType: 'application/x-bin' },
    blob: new Blob([BIN], { type: 'image/png' }),
    file: new File(['file text'], 'notes.txt', { type: 'text/plain' }),
    ...(stream ? { streamed: { data: stream, filename: 's.txt', contentType: 'text/plain' } } : {}),
  });

  const check = async (out: ReturnType<typeof multipart>, streamed: boolean): Promise<void> => {
    const form = await new Response(out.body, { headers: { 'content-type': out.contentType } }).formData();
    expect(form.get('title')).toBe('héllo');
    expect(form.get('n')).toBe('7');
    expect(form.get('quo"ted\r\nname')).toBe('q');
    const bytes = form.get('bytes') as File;
    expect(bytes.name).toBe('we "ird"\nname.bin');
    expect(bytes.type).toBe('application/x-bin');
    expect(new Uint8Array(await bytes.arrayBuffer())).toEqual(BIN);
    const blob = form.get('blob') as File;
    expect([blob.name, blob.type]).toEqual(['blob', 'image/png']);
    expect(new Uint8Array(await blob.arrayBuffer())).toEqual(BIN);
    const file = form.get('file') as File;
    expect([file.name, file.type, await file.text()]).toEqual(['notes.txt', 'text/plain', 'file text']);
    if (streamed) {
      const s = form.get('streamed') as File;
      expect([s.name, s.type, await s.text()]).toEqual(['s.txt', 'text/plain', 'chunk one, chunk two']);
    }
  };

  it('parses a Blob body back into the same fields', async () => {
    await check(multipart(fields()), false);
  });

  it('parses a streamed body back into the same fields', async () => {
    const src = source([enc.encode('chunk one, '), enc.encode('chunk two')]);
    const out = multipart(fields(src.stream));
    expect(out.streaming).toBe(true);
    await check(out, true);
  });
});

describe('multipart: invalid input', () => {
  it('rejects an empty field name', () => {
    expect(invalid({ '': 'x' }).message).toMatch(/non-empty name/);
  });

  it.each([
    ['plain object', { a: 1 }],
    ['array', [1, 2]],
    ['FilePart with a number', { data: 123 }],
    ['FilePart with a plain object', { data: { a: 1 } }],
    ['Date', new Date()],
  ])('rejects a %s, naming the field and the accepted types', (_, value) => {
    const e = invalid({ ok: 'fine', bad: value as unknown as MultipartValue });
    expect(e.message).toContain('"bad"');
    expect(e.message).toMatch(/string, number, boolean, Blob/);
    expect(e.message).toMatch(/Uint8Array \| ArrayBuffer \| string \| ReadableStream/);
  });

  it('rejects a locked stream', () => {
    const s = new ReadableStream<Uint8Array>();
    s.getReader();
    const e = invalid({ upload: { data: s } });
    expect(e.message).toContain('"upload"');
    expect(e.message).toContain('has already been read; pass a fresh stream');
  });

  it('rejects a disturbed stream', async () => {
    const s = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new Uint8Array([1]));
      },
    });
    const reader = s.getReader();
    await reader.read();
    reader.releaseLock();
    expect(invalid({ upload: { data: s } }).message).toContain('has already been read; pass a fresh stream');
  });

  it('rejects a cancelled stream', async () => {
    const s = new ReadableStream<Uint8Array>();
    await s.cancel();
    expect(invalid({ upload: { data: s } }).message).toContain('"upload"');
  });

  it('leaves a fresh stream unlocked and unread when validating it', () => {
    const src = source([enc.encode('x')]);
    multipart({ upload: { data: src.stream } }, B);
    expect(src.stream.locked).toBe(false);
    expect(src.pulls()).toBe(0);
  });

  it('rejects a content type with a line break', () => {
    const e = invalid({ f: { data: 'x', contentType: 'text/plain\r\nX-Evil: 1' } });
    expect(e.message).toContain('"f"');
    expect(e.message).toMatch(/line break/);
  });
});
