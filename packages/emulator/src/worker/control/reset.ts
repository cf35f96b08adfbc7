// POST /__emulator/reset: every project's cache, files, tables and jobs, and the emulator's own records.
// With migration files (`--migrations`), each project's tables are dropped and the files applied again.
import { projectDb, type ProjectDb } from '../db/project-db';
import type { Env } from '../env';

async function wipeBucket(bucket: R2Bucket): Promise<void> {
  let cursor: string | undefined;
  do {
    const page = await bucket.list(cursor ? { cursor } : {});
    if (page.objects.length) await bucket.delete(page.objects.map((o) => o.key));
    cursor = page.truncated ? page.cursor : undefined;
  } while (cursor);
}

/**
 * Drops every table, view and trigger of a project database (a few passes for foreign keys), but
 * the emulator's own change capture (`_aerostack_*`: realtime's table and triggers, which the
 * database worker keeps; a user table's triggers go with it); the collections' items are deleted.
 */
async function wipeDb(db: ProjectDb): Promise<void> {
  // The collections' items (one table of ours, kept; its triggers publish the deletes).
  await db.query('DELETE FROM _aerostack_collection_items', [], { skipWhenEmpty: true }).catch(() => undefined);
  for (let pass = 0; pass < 5; pass++) {
    // skipWhenEmpty: a database in memory that no request has used yet is not started just for this.
    const results = (await db.query("SELECT type, name FROM sqlite_master WHERE type IN ('table', 'view', 'trigger') AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_cf_%' AND name NOT LIKE 'd1_%' AND substr(name, 1, 11) <> '_aerostack_'", [], {
      skipWhenEmpty: true,
    })) as { type: string; name: string }[];
    if (!results.length) return;
    for (const { type, name } of results) {
      await db.query(`DROP ${type.toUpperCase()} IF EXISTS "${name.replaceAll('"', '""')}"`).catch(() => undefined);
    }
  }
}

/** Empties every table of a database whose schema another worker made once per isolate (so it must stay). */
async function emptyTables(db: D1Database): Promise<void> {
  const { results } = await db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_cf_%' AND name NOT LIKE 'd1_%'").all<{ name: string }>();
  if (results.length) await db.batch(results.map(({ name }) => db.prepare(`DELETE FROM "${name.replaceAll('"', '""')}"`)));
}

export async function resetAll(env: Env): Promise<void> {
  // Each project's Durable Object (its cache).
  await Promise.all(env.PROJECTS.map(({ project }) => env.PROJECT.get(env.PROJECT.idFromName(project)).reset()));
  await wipeBucket(env.FILES);
  await wipeBucket(env.SMARTER_FILES);
  await emptyTables(env.SMARTER);
  for (const { project } of env.PROJECTS) {
    const db = projectDb(env.PROJECT_DB, project);
    await wipeDb(db);
    await db.migrate(); // the tables the migration files make, as after a fresh start
  }
  await env.EMU.batch(['DELETE FROM idempotency', 'DELETE FROM writes', 'DELETE FROM faults', 'DELETE FROM jobs', 'DELETE FROM job_outbox', 'DELETE FROM search_docs', 'DELETE FROM search_config', 'DELETE FROM auth_users', 'DELETE FROM auth_tokens', 'DELETE FROM auth_codes', 'DELETE FROM gateway_wallets', 'DELETE FROM gateway_usage', 'DELETE FROM realtime_history'].map((sql) => env.EMU.prepare(sql)));
}
