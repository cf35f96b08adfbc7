// The emulator's own tables, in the EMU D1 database (never visible to a project).
import type { Env } from './env';

const TABLES = [
  `CREATE TABLE IF NOT EXISTS idempotency (project TEXT NOT NULL, key TEXT NOT NULL, route TEXT NOT NULL, status INTEGER, content_type TEXT, body TEXT, created_at INTEGER NOT NULL, PRIMARY KEY (project, key))`,
  `CREATE TABLE IF NOT EXISTS writes (id INTEGER PRIMARY KEY AUTOINCREMENT, project TEXT NOT NULL, route TEXT NOT NULL, idempotency_key TEXT, at INTEGER NOT NULL)`,
  `CREATE TABLE IF NOT EXISTS faults (id INTEGER PRIMARY KEY AUTOINCREMENT, method TEXT, path TEXT, times INTEGER NOT NULL, status INTEGER, retry_after INTEGER, retry_after_ms INTEGER, latency_ms INTEGER, drop_conn INTEGER NOT NULL DEFAULT 0)`,
  // queue: one row per job (times in ms since the epoch, `data` as JSON text), and what the local
  // stand-in work did (a `send-email` job records its message here).
  `CREATE TABLE IF NOT EXISTS jobs (project TEXT NOT NULL, id TEXT NOT NULL, type TEXT NOT NULL, data TEXT NOT NULL, status TEXT NOT NULL, created_at INTEGER NOT NULL, run_at INTEGER NOT NULL, attempts INTEGER NOT NULL DEFAULT 0, completed_at INTEGER, error TEXT, PRIMARY KEY (project, id))`,
  `CREATE INDEX IF NOT EXISTS jobs_by_created ON jobs (project, created_at, id)`,
  `CREATE TABLE IF NOT EXISTS job_outbox (id INTEGER PRIMARY KEY AUTOINCREMENT, project TEXT NOT NULL, job_id TEXT NOT NULL, type TEXT NOT NULL, data TEXT NOT NULL, at INTEGER NOT NULL)`,
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
