// files/ (documented contract, OpenAI shapes): multipart upload to R2, a cursor-paginated listing
// (newest first by default), retrieve, delete and the raw bytes. Failures are ErrorEnvelopes: 400
// for a bad form or query, 404 `DoesNotExist` for an id the account does not have.
import { Hono, type Context } from 'hono';
import { auth } from '../auth';
import type { SmarterAppEnv } from '../env';
import { SmarterError } from '../errors';
import { pageOf, pageQuery } from '../pages';
import { findFile, insertFile, listFiles, markDeleted, seqOf, type FileRow } from './store';

export const files = new Hono<SmarterAppEnv>();
files.use('/files/*', auth);

const fileObject = (f: FileRow) => ({ id: f.id, object: 'file', bytes: f.bytes, created_at: f.created_at, filename: f.filename, purpose: f.purpose, status: 'processed', status_details: null, expires_at: null });
const invalid = (message: string) => new SmarterError(400, 'SmarterValueError', message, 'None', 'files');
const objectKey = (account: string, id: string) => `${account}/${id}`;

async function fileOf(c: Context<SmarterAppEnv>): Promise<FileRow> {
  const id = c.req.param('fileId') ?? '';
  const file = await findFile(c.env.SMARTER, c.get('account').id, id);
  if (!file) throw new SmarterError(404, 'DoesNotExist', `File ${id} not found`, 'None', 'files');
  return file;
}

files.post('/files/', async (c) => {
  if (!c.req.header('content-type')?.startsWith('multipart/form-data')) throw invalid('Send multipart/form-data with the fields `purpose` and `file`');
  let form: FormData;
  try {
    form = await c.req.raw.formData();
  } catch {
    throw invalid('The multipart body cannot be read');
  }
  const purpose = form.get('purpose');
  // workerd gives a File for a part with a filename.
  const file = form.get('file') as unknown as File | string | null;
  const problems = [
    ...(typeof purpose === 'string' && purpose ? [] : ['purpose: required (e.g. fine-tune)']),
    ...(file !== null && typeof file !== 'string' ? [] : ['file: required, a file part with a filename']),
  ];
  if (problems.length || file === null || typeof file === 'string' || typeof purpose !== 'string') throw invalid(problems.join('; '));
  const id = `file-${[...crypto.getRandomValues(new Uint8Array(12))].map((b) => b.toString(16).padStart(2, '0')).join('')}`;
  const bytes = new Uint8Array(await file.arrayBuffer());
  const account = c.get('account').id;
  await c.env.SMARTER_FILES.put(objectKey(account, id), bytes, { httpMetadata: { contentType: file.type || 'application/octet-stream' } });
  const row = { id, filename: file.name || 'upload', purpose, bytes: bytes.byteLength, created_at: Math.floor(Date.now() / 1000) };
  await insertFile(c.env.SMARTER, account, row);
  return c.json(fileObject({ ...row, seq: 0, deleted: 0 }));
});

files.get('/files/', async (c) => {
  const { after, limit } = pageQuery(c, 'files');
  const order = c.req.query('order') ?? 'desc';
  if (order !== 'asc' && order !== 'desc') throw invalid(`order: asc or desc, got "${order}"`);
  const account = c.get('account').id;
  const afterSeq = after === undefined ? undefined : await seqOf(c.env.SMARTER, account, after);
  if (after !== undefined && afterSeq === undefined) throw invalid(`after: no file ${after}`);
  const rows = await listFiles(c.env.SMARTER, account, { purpose: c.req.query('purpose'), asc: order === 'asc', afterSeq, take: limit + 1 });
  const { data, has_more } = pageOf(rows.map(fileObject), limit);
  return c.json({ object: 'list', data, has_more, first_id: data[0]?.id ?? null, last_id: data[data.length - 1]?.id ?? null });
});

files.get('/files/:fileId/', async (c) => c.json(fileObject(await fileOf(c))));

files.delete('/files/:fileId/', async (c) => {
  const file = await fileOf(c);
  const account = c.get('account').id;
  await markDeleted(c.env.SMARTER, account, file.id);
  await c.env.SMARTER_FILES.delete(objectKey(account, file.id));
  return c.json({ id: file.id, object: 'file', deleted: true });
});

files.get('/files/:fileId/content/', async (c) => {
  const file = await fileOf(c);
  const object = await c.env.SMARTER_FILES.get(objectKey(c.get('account').id, file.id));
  if (!object) throw new SmarterError(404, 'DoesNotExist', `The content of file ${file.id} is gone`, 'None', 'files');
  return new Response(object.body, {
    headers: { 'content-type': 'application/octet-stream', 'content-length': String(object.size), 'content-disposition': `attachment; filename="${file.filename.replace(/["\\\r\n]/g, '_')}"` },
  });
});
