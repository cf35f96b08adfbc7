// /ai/search/*: full-text search on SQLite FTS5 in the emulator's own D1 (`EMU`, table
// `search_docs`), standing in for the platform's vector index. Every row carries its project and
// every statement is limited to it. query ranks with bm25 (`score` = -bm25: positive, higher is
// better); the query text is split into words, each quoted as an FTS5 string and joined with OR, so
// any punctuation or quote in it is plain text, never FTS5 syntax.
import { Hono } from 'hono';
import { Checker, readBody, type Json } from '../body';
import type { AppEnv } from '../env';

export const search = new Hono<AppEnv>();

const EMBEDDING_MODELS = new Set(['english', 'multilingual']);
const DEFAULT_TOP_K = 5;

interface DocRow {
  id: string;
  content: string;
  type: string;
  metadata: string;
  rank?: number;
}

const toResult = (r: DocRow, score: number) => ({ id: r.id, content: r.content, score, type: r.type, metadata: JSON.parse(r.metadata) as Json });

/** The FTS5 MATCH expression for free text: its words, each quoted, OR'ed. Empty when it has no word. */
export function matchExpression(text: string): string {
  const terms = text.match(/[\p{L}\p{N}_]+/gu) ?? [];
  return [...new Set(terms.map((t) => t.toLowerCase()))].map((t) => `"${t.replaceAll('"', '""')}"`).join(' OR ');
}

function metadataOf(check: Checker, body: Json): Json | undefined {
  const v = body.metadata;
  if (v === undefined) return undefined;
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return check.fail('metadata', 'Expected object');
  return v as Json;
}

async function upsert(db: D1Database, project: string, doc: { id: string; content: string; type: string; metadata: Json }): Promise<void> {
  await db.batch([
    db.prepare('DELETE FROM search_docs WHERE project = ? AND id = ?').bind(project, doc.id),
    db.prepare('INSERT INTO search_docs (content, project, id, type, metadata, created_at) VALUES (?, ?, ?, ?, ?, ?)').bind(doc.content, project, doc.id, doc.type, JSON.stringify(doc.metadata), Date.now()),
  ]);
}

const readDoc = (db: D1Database, project: string, id: string) =>
  db.prepare('SELECT id, content, type, metadata FROM search_docs WHERE project = ? AND id = ?').bind(project, id).first<DocRow>();

search.post('/ingest', async (c) => {
  const body = await readBody(c);
  const check = new Checker(body);
  const content = check.string('content', { required: true });
  const type = check.string('type', { required: true });
  const id = check.string('id');
  const metadata = metadataOf(check, body);
  check.done();
  await upsert(c.env.EMU, c.get('project').id, { id: id || crypto.randomUUID(), content: String(content), type: String(type), metadata: metadata ?? {} });
  return c.json({ success: true });
});

search.post('/update', async (c) => {
  const body = await readBody(c);
  const check = new Checker(body);
  const id = check.string('id', { required: true });
  const content = check.string('content', { required: true });
  const type = check.string('type', { nonEmpty: true });
  const metadata = metadataOf(check, body);
  check.done();
  const project = c.get('project').id;
  const old = await readDoc(c.env.EMU, project, String(id));
  const newType = type ?? old?.type;
  if (newType === undefined) check.fail('type', 'Required when the document does not exist yet');
  check.done();
  await upsert(c.env.EMU, project, {
    id: String(id),
    content: String(content),
    type: String(newType),
    metadata: metadata ?? (old ? (JSON.parse(old.metadata) as Json) : {}),
  });
  return c.json({ success: true });
});

search.post('/query', async (c) => {
  const body = await readBody(c);
  const check = new Checker(body);
  const text = check.string('text', { required: true });
  const topK = check.int('topK', { min: 1 }) ?? DEFAULT_TOP_K;
  const types = check.array('types');
  types?.forEach((t, i) => {
    if (typeof t !== 'string') check.fail(`types[${i}]`, 'Expected string');
  });
  const filter = body.filter;
  if (filter !== undefined && (filter === null || typeof filter !== 'object' || Array.isArray(filter))) check.fail('filter', 'Expected object');
  check.done();
  const match = matchExpression(String(text));
  if (!match || (types && !types.length)) return c.json({ results: [] });
  const filterEntries = filter ? Object.entries(filter as Json) : [];
  const params: unknown[] = [match, c.get('project').id];
  let sql = 'SELECT id, content, type, metadata, bm25(search_docs) AS rank FROM search_docs WHERE search_docs MATCH ? AND project = ?';
  if (types) {
    sql += ` AND type IN (${types.map(() => '?').join(', ')})`;
    params.push(...types);
  }
  sql += ' ORDER BY rank, id';
  // A metadata filter (top-level keys, equal JSON values) is applied after ranking, so no LIMIT then.
  if (!filterEntries.length) {
    sql += ' LIMIT ?';
    params.push(topK);
  }
  const { results } = await c.env.EMU.prepare(sql)
    .bind(...params)
    .all<DocRow & { rank: number }>();
  const kept = results.filter((r) => {
    if (!filterEntries.length) return true;
    const meta = JSON.parse(r.metadata) as Json;
    return filterEntries.every(([k, v]) => JSON.stringify(meta[k]) === JSON.stringify(v));
  });
  return c.json({ results: kept.slice(0, topK).map((r) => toResult(r, -r.rank)) });
});

search.post('/get', async (c) => {
  const check = new Checker(await readBody(c));
  const id = check.string('id', { required: true });
  check.done();
  const row = await readDoc(c.env.EMU, c.get('project').id, String(id));
  // No query, so the score carries no meaning (spec): 1.
  return c.json(row ? { result: toResult(row, 1), exists: true } : { result: null, exists: false });
});

search.post('/count', async (c) => {
  const check = new Checker(await readBody(c));
  const type = check.string('type');
  check.done();
  const project = c.get('project').id;
  const statement =
    type === undefined
      ? c.env.EMU.prepare('SELECT COUNT(*) AS n FROM search_docs WHERE project = ?').bind(project)
      : c.env.EMU.prepare('SELECT COUNT(*) AS n FROM search_docs WHERE project = ? AND type = ?').bind(project, type);
  return c.json({ count: (await statement.first<number>('n')) ?? 0 });
});

search.post('/delete', async (c) => {
  const check = new Checker(await readBody(c));
  const id = check.string('id', { required: true });
  check.done();
  await c.env.EMU.prepare('DELETE FROM search_docs WHERE project = ? AND id = ?').bind(c.get('project').id, id).run();
  return c.json({ success: true });
});

search.post('/deleteByType', async (c) => {
  const check = new Checker(await readBody(c));
  const type = check.string('type', { required: true });
  check.done();
  await c.env.EMU.prepare('DELETE FROM search_docs WHERE project = ? AND type = ?').bind(c.get('project').id, type).run();
  return c.json({ success: true });
});

search.get('/listTypes', async (c) => {
  const { results } = await c.env.EMU.prepare('SELECT type, COUNT(*) AS count FROM search_docs WHERE project = ? GROUP BY type ORDER BY type')
    .bind(c.get('project').id)
    .all<{ type: string; count: number }>();
  return c.json({ types: results.map((r) => ({ type: r.type, count: r.count })) });
});

search.post('/configure', async (c) => {
  const check = new Checker(await readBody(c));
  const model = check.string('embeddingModel', { required: true });
  if (model !== undefined && !EMBEDDING_MODELS.has(model)) check.fail('embeddingModel', 'Expected one of english, multilingual');
  check.done();
  await c.env.EMU.prepare('INSERT INTO search_config (project, embedding_model) VALUES (?, ?) ON CONFLICT (project) DO UPDATE SET embedding_model = excluded.embedding_model')
    .bind(c.get('project').id, model)
    .run();
  return c.json({ success: true });
});
