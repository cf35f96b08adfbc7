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
  // ai.search: one FTS5 row per document (only `content` is indexed; the others are stored), and
  // the embedding model chosen by each project.
  `CREATE VIRTUAL TABLE IF NOT EXISTS search_docs USING fts5(content, project UNINDEXED, id UNINDEXED, type UNINDEXED, metadata UNINDEXED, created_at UNINDEXED)`,
  `CREATE TABLE IF NOT EXISTS search_config (project TEXT PRIMARY KEY, embedding_model TEXT NOT NULL)`,
  // auth (src/worker/users): users of both pools (`platform` for /v1/auth, `project` for the public
  // project auth), keyed by (project, pool, id), email unique per (project, pool) case-insensitively;
  // the HS256 secret (one row, made at first use); refresh tokens by id and revoked access tokens;
  // one-time codes and link tokens (otp, verify, reset), which the outbox route shows.
  `CREATE TABLE IF NOT EXISTS auth_users (project TEXT NOT NULL, pool TEXT NOT NULL, id TEXT NOT NULL, email TEXT NOT NULL, email_key TEXT NOT NULL, name TEXT, password_hash TEXT, metadata TEXT NOT NULL, avatar_url TEXT, email_verified INTEGER NOT NULL DEFAULT 0, created_at INTEGER NOT NULL, PRIMARY KEY (project, pool, id), UNIQUE (project, pool, email_key))`,
  `CREATE TABLE IF NOT EXISTS auth_secret (id INTEGER PRIMARY KEY CHECK (id = 1), secret TEXT NOT NULL)`,
  `CREATE TABLE IF NOT EXISTS auth_tokens (jti TEXT PRIMARY KEY, project TEXT NOT NULL, pool TEXT NOT NULL, user_id TEXT NOT NULL, typ TEXT NOT NULL, expires_at INTEGER NOT NULL, revoked INTEGER NOT NULL DEFAULT 0)`,
  `CREATE TABLE IF NOT EXISTS gateway_wallets (project TEXT NOT NULL, api_slug TEXT NOT NULL, consumer TEXT NOT NULL, total_purchased INTEGER NOT NULL, total_consumed INTEGER NOT NULL, PRIMARY KEY (project, api_slug, consumer))`,
  `CREATE TABLE IF NOT EXISTS gateway_usage (project TEXT NOT NULL, api_slug TEXT NOT NULL, consumer TEXT NOT NULL, tokens INTEGER NOT NULL, at INTEGER NOT NULL)`,
  `CREATE TABLE IF NOT EXISTS auth_codes (id INTEGER PRIMARY KEY AUTOINCREMENT, project TEXT NOT NULL, kind TEXT NOT NULL, target TEXT NOT NULL, code TEXT NOT NULL, expires_at INTEGER NOT NULL, used INTEGER NOT NULL DEFAULT 0, created_at INTEGER NOT NULL)`,
  // realtime history (publish with persist): created_at strictly increasing per room (realtime/history.ts).
  `CREATE TABLE IF NOT EXISTS realtime_history (project TEXT NOT NULL, room TEXT NOT NULL, id TEXT NOT NULL, user_id TEXT, event TEXT NOT NULL, data TEXT NOT NULL, created_at INTEGER NOT NULL, PRIMARY KEY (project, room, id))`,
  `CREATE INDEX IF NOT EXISTS realtime_history_by_time ON realtime_history (project, room, created_at)`,
];

let ready: Promise<void> | undefined;

/** Creates the tables once per isolate (they persist with the data directory). The Smarter worker calls it too (fault rules). */
export function ensureSchema(env: Pick<Env, 'EMU'>): Promise<void> {
  ready ??= env.EMU.batch(TABLES.map((sql) => env.EMU.prepare(sql)))
    .then(() => undefined)
    .catch((error: unknown) => {
      ready = undefined;
      throw error;
    });
  return ready;
}
