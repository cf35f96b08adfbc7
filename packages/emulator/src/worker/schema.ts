// The emulator's own tables, in the EMU D1 database (never visible to a project).
import type { Env } from './env';

const TABLES = [
  `CREATE TABLE IF NOT EXISTS idempotency (project TEXT NOT NULL, key TEXT NOT NULL, route TEXT NOT NULL, status INTEGER, content_type TEXT, body TEXT, created_at INTEGER NOT NULL, PRIMARY KEY (project, key))`,
  `CREATE TABLE IF NOT EXISTS writes (id INTEGER PRIMARY KEY AUTOINCREMENT, project TEXT NOT NULL, route TEXT NOT NULL, idempotency_key TEXT, at INTEGER NOT NULL)`,
  `CREATE TABLE IF NOT EXISTS faults (id INTEGER PRIMARY KEY AUTOINCREMENT, method TEXT, path TEXT, times INTEGER NOT NULL, status INTEGER, retry_after INTEGER, retry_after_ms INTEGER, latency_ms INTEGER, drop_conn INTEGER NOT NULL DEFAULT 0)`,
];

let ready: Promise<void> | undefined;

/** Creates the tables once per isolate (they persist with the data directory). */
export function ensureSchema(env: Env): Promise<void> {
  ready ??= env.EMU.batch(TABLES.map((sql) => env.EMU.prepare(sql)))
    .then(() => undefined)
    .catch((error: unknown) => {
      ready = undefined;
      throw error;
    });
  return ready;
}
