// multipart/form-data bodies from web standards only. In-memory and Blob parts become one Blob
// (files stay lazy, nothing is read here); a ReadableStream part makes the body a pull-based
// stream that reads a source only when the consumer pulls and passes its chunks through as is.

import { invalidInput } from './errors';

/** File contents: a Blob/File, bytes, UTF-8 text, or a stream of bytes. */
export type UploadSource = Blob | Uint8Array | ArrayBuffer | string | ReadableStream<Uint8Array>;

/** A file part. */
export interface FilePart {
  data: UploadSource;
  /** Defaults to the File's name, else `"blob"`. */
  filename?: string;
  /** Defaults to the Blob's type, else `application/octet-stream`. */
  contentType?: string;
}

/** A form field: text (numbers and booleans as text), a Blob/File, or a file part. `undefined`/`null` are skipped. */
export type MultipartValue = string | number | boolean | Blob | FilePart | undefined | null;

export interface MultipartBody {
  /** A Blob when every part is in memory or Blob-backed (sent without being copied again; `File`s from disk stay lazy), or a ReadableStream when any part is a stream. */
  body: Blob | ReadableStream<Uint8Array>;
  /** `multipart/form-data; boundary=...` */
  contentType: string;
  /** True when body is a ReadableStream: such a body can be sent only once (no retries) and needs `duplex: 'half'`. */
  streaming: boolean;
}

// Names and filenames are escaped as browsers do: `"` → %22, CR → %0D, LF → %0A.
const esc = (s: string): string => s.replace(/["\r\n]/g, encodeURIComponent);

/** A VALIDATION_ERROR naming the field, as every operation's own checks give. */
function fail(name: string, why: string): never {
  invalidInput(`Multipart field "${name}" ${why}`, name);
}

/** Encodes fields as a multipart/form-data body. `boundary` is random unless given. */
export function multipart(
  fields: Record<string, MultipartValue>,
  boundary = '----aerostack' + crypto.randomUUID().replace(/-/g, ''),
): MultipartBody {
  // Everything between two stream parts is one lazy Blob: text, bytes, and Blobs by reference.
  const segments: (Blob | ReadableStream<Uint8Array> | ReadableStreamDefaultReader<Uint8Array>)[] = [];
  let run: BlobPart[] = [];
  let text = '';
  for (const [name, value] of Object.entries(fields)) {
    if (!name) fail(name, 'must have a non-empty name');
    if (value == null) continue;
    text += `--${boundary}\r\nContent-Disposition: form-data; name="${esc(name)}"`;
    if (typeof value == 'string' || typeof value == 'number' || typeof value == 'boolean') {
      text += `\r\n\r\n${String(value)}\r\n`;
      continue;
    }
    const file: FilePart = value instanceof Blob ? { data: value } : value;
    const data: unknown = file.data;
    if (data instanceof ReadableStream) {
      // Response refuses a locked or disturbed stream, and neither locks nor reads it.
      try {
        new Response(data);
      } catch {
        fail(name, 'has already been read; pass a fresh stream');
      }
    } else if (!(typeof data == 'string' || data instanceof Blob || data instanceof Uint8Array || data instanceof ArrayBuffer)) {
      fail(name, 'must be a string, number, boolean, Blob or { data: Blob | Uint8Array | ArrayBuffer | string | ReadableStream }');
    }
    const meta: Partial<File> = data instanceof Blob ? data : {};
    const type = file.contentType || meta.type || 'application/octet-stream';
    if (/[\r\n]/.test(type)) fail(name, 'has a line break in its content type');
    text += `; filename="${esc(file.filename ?? (meta.name || 'blob'))}"\r\nContent-Type: ${type}\r\n\r\n`;
    if (data instanceof ReadableStream) {
      segments.push(new Blob([...run, text]), data as ReadableStream<Uint8Array>);
      run = [];
    } else run.push(text, data as BlobPart);
    text = '\r\n';
  }
  segments.push(new Blob([...run, text + `--${boundary}--\r\n`]));
  const contentType = 'multipart/form-data; boundary=' + boundary;
  const streaming = segments.length > 1;
  let i = 0;
  // Cancels the source being read (its reader took its place) and every stream not reached yet,
  // and drops them, so a read still pending when the output is cancelled finds nothing left.
  const stop = async (reason: unknown): Promise<void> => {
    await Promise.all(segments.splice(i).map(async (s) => (s as Partial<ReadableStream>).cancel?.(reason)));
  };
  const body = streaming
    ? new ReadableStream<Uint8Array>(
        {
          async pull(controller) {
            try {
              for (let s; (s = segments[i]); i++) {
                if (!(s instanceof ReadableStreamDefaultReader)) s = segments[i] = (s instanceof Blob ? s.stream() : s).getReader();
                const r = await s.read();
                if (!r.done) return controller.enqueue(r.value);
              }
              controller.close();
            } catch (e) {
              stop(e).catch(() => undefined);
              throw e;
            }
          },
          cancel: stop,
        },
        { highWaterMark: 0 },
      )
    : (segments[0] as Blob);
  return { body, contentType, streaming };
}
