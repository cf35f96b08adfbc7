// /v1/storage/*: the storage routes on R2 (bucket FILES, keys under `projects/<project>/`).
//
// - upload: multipart/form-data read as a stream (multipart.ts); the file goes to R2 as it arrives
//   (objects.ts), so neither a Blob upload (with Content-Length) nor a chunked stream upload is
//   held whole in memory. Only when the `file` part comes before the `key` field (the SDKs send
//   `key` first) is the file held in memory until the key is known.
// - get: the object's bytes streamed from R2 with its Content-Type; 404 NOT_FOUND (JSON) if missing.
// - list: R2 list (prefix, limit, cursor); `truncated` and `cursor` are R2's.
// - copy / move: R2 has no copy: get + put (the object body has a known length), then delete.
import { Hono, type Context } from 'hono';
import { Checker, readBody } from '../body';
import type { AppEnv } from '../env';
import { ApiError, validationError, type FieldErrors } from '../errors';
import { cdnUrl, contentTypeFor, keyField, keyProblem, prefixOf, trimKey } from './keys';
import { boundaryOf, drain, MultipartError, readMultipart, type PartInfo } from './multipart';
import { describe, writeObject } from './objects';

export const storage = new Hono<AppEnv>();

type Ctx = Context<AppEnv>;

const OCTET = 'application/octet-stream';

const notFound = (key: string) => new ApiError(404, 'NOT_FOUND', `Object not found: ${key}`);

/** The request's project, its R2 prefix, and the URL of one of its keys. */
function scope(c: Ctx) {
  const project = c.get('project').id;
  const prefix = prefixOf(project);
  return { project, prefix, url: (key: string) => cdnUrl(c.req.url, project, key) };
}

/** A JSON body with one key field, checked. */
async function oneKey(c: Ctx): Promise<string> {
  const check = new Checker(await readBody(c));
  const key = keyField(check, 'key', c.get('project').id);
  check.done();
  return key;
}

storage.post('/upload', async (c) => {
  const { project, prefix, url } = scope(c);
  const body = c.req.raw.body as ReadableStream<Uint8Array> | null;
  const boundary = boundaryOf(c.req.header('content-type'));
  if (!boundary) {
    await drain(body);
    throw new ApiError(415, 'VALIDATION_ERROR', 'The body must be multipart/form-data', { fieldErrors: { 'content-type': ['Expected multipart/form-data with a boundary'] } });
  }
  if (!body) throw validationError({ file: ['Required'], key: ['Required'] });

  const fields: Record<string, string> = {};
  const errors: FieldErrors = {};
  let file: PartInfo | undefined;
  let stored: string | undefined; // the key written while streaming
  let held: Uint8Array[] | undefined; // the file, when it came before the key

  /** Content type: the `contentType` field, else the file part's own type, else the key's extension. */
  const typeFor = (key: string, part: PartInfo) =>
    fields.contentType || (part.contentType && part.contentType !== OCTET ? part.contentType : undefined) || contentTypeFor(key) || part.contentType || OCTET;
  /** The `key` field checked, or undefined (the failure recorded). */
  const checkedKey = (): string | undefined => {
    if (fields.key === undefined) return void (errors.key = ['Required']);
    const key = trimKey(fields.key);
    const problem = keyProblem(key, project);
    if (problem) return void (errors.key = [problem]);
    return key;
  };

  try {
    await readMultipart(body, boundary, {
      isFile: (name) => name === 'file',
      field: (name, value) => {
        fields[name] ??= value;
      },
      file: async (part, chunks) => {
        if (file) return; // a second file part: ignored (the reader drops its bytes)
        file = part;
        if (fields.key === undefined) {
          held = [];
          for await (const chunk of chunks) held.push(chunk);
          return;
        }
        const key = checkedKey();
        if (key === undefined) return;
        await writeObject(c.env.FILES, prefix + key, chunks, { contentType: typeFor(key, part) });
        stored = key;
      },
    });
  } catch (error) {
    if (stored !== undefined) await c.env.FILES.delete(prefix + stored);
    if (!(error instanceof MultipartError)) throw error;
    await drain(body);
    throw validationError({ body: [`Malformed multipart/form-data: ${error.message}`] });
  }
  await drain(body); // the epilogue, if any

  if (!file) errors.file = ['Required'];
  if (file && held) {
    const key = checkedKey();
    if (key !== undefined) {
      await writeObject(c.env.FILES, prefix + key, held, { contentType: typeFor(key, file) });
      stored = key;
    }
  }
  if (Object.keys(errors).length || stored === undefined) {
    if (stored !== undefined) await c.env.FILES.delete(prefix + stored);
    throw validationError(Object.keys(errors).length ? errors : { file: ['Required'] });
  }
  return c.json({ url: url(stored) });
});

storage.post('/get', async (c) => {
  const key = await oneKey(c);
  const object = await c.env.FILES.get(scope(c).prefix + key);
  if (!object) throw notFound(key);
  const headers = new Headers({
    'content-type': object.httpMetadata?.contentType || OCTET,
    'content-length': String(object.size),
    etag: object.httpEtag,
    'last-modified': object.uploaded.toUTCString(),
  });
  return new Response(object.body, { headers });
});

storage.post('/getUrl', async (c) => {
  const key = await oneKey(c);
  return c.json({ url: scope(c).url(key) });
});

storage.post('/list', async (c) => {
  const check = new Checker(await readBody(c));
  const prefix = trimKey(check.string('prefix') ?? '');
  const limit = check.int('limit', { min: 1, max: 1000 }) ?? 100;
  const cursor = check.string('cursor');
  check.done();
  const base = scope(c).prefix;
  // `include` (in the runtime, missing from the types): without it R2 leaves out httpMetadata.
  const options: R2ListOptions & { include: 'httpMetadata'[] } = { prefix: base + prefix, limit, ...(cursor ? { cursor } : {}), include: ['httpMetadata'] };
  const page = await c.env.FILES.list(options);
  const objects = page.objects.map((object) => describe(object, base));
  return c.json(page.truncated ? { objects, truncated: true, cursor: page.cursor } : { objects, truncated: false });
});

storage.post('/delete', async (c) => {
  const key = await oneKey(c);
  await c.env.FILES.delete(scope(c).prefix + key);
  return c.json({ success: true });
});

storage.post('/exists', async (c) => {
  const key = await oneKey(c);
  const head = await c.env.FILES.head(scope(c).prefix + key);
  return c.json({ exists: head !== null });
});

storage.post('/getMetadata', async (c) => {
  const key = await oneKey(c);
  const { prefix } = scope(c);
  const head = await c.env.FILES.head(prefix + key);
  if (!head) return c.json({ exists: false });
  const { size, lastModified, contentType, etag } = describe(head, prefix);
  return c.json({ exists: true, size, ...(contentType ? { contentType } : {}), lastModified, etag });
});

/** Copies source to dest (get + put with the same metadata); 404 when the source is missing. */
async function copyObject(c: Ctx): Promise<{ source: string; dest: string }> {
  const check = new Checker(await readBody(c));
  const { project, prefix } = scope(c);
  const source = keyField(check, 'sourceKey', project);
  const dest = keyField(check, 'destKey', project);
  check.done();
  if (source === dest) {
    if (!(await c.env.FILES.head(prefix + source))) throw notFound(source);
    return { source, dest };
  }
  const object = await c.env.FILES.get(prefix + source);
  if (!object) throw notFound(source);
  await c.env.FILES.put(prefix + dest, object.body, { httpMetadata: object.httpMetadata, customMetadata: object.customMetadata });
  return { source, dest };
}

storage.post('/copy', async (c) => {
  const { dest } = await copyObject(c);
  return c.json({ success: true, url: scope(c).url(dest) });
});

storage.post('/move', async (c) => {
  const { source, dest } = await copyObject(c);
  if (source !== dest) await c.env.FILES.delete(scope(c).prefix + source);
  return c.json({ success: true, url: scope(c).url(dest) });
});
