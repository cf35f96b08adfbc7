// The Smarter worker's tables, in the SMARTER D1 database; every row carries its account. The EMU
// tables (fault rules) are the Aerostack worker's, created here too in case this port is hit first.
import { ensureSchema as ensureEmuSchema } from '../worker/schema';
import type { SmarterEnv } from './env';

const TABLES = [
  // One row per applied manifest. `kind` is generation-neutral (chatbot, authtoken, ...), so a
  // Chatbot applied on v0.13 is the LLMClient of v0.14. `manifest` is JSON without `status`.
  `CREATE TABLE IF NOT EXISTS resources (id INTEGER PRIMARY KEY AUTOINCREMENT, account TEXT NOT NULL, kind TEXT NOT NULL, name TEXT NOT NULL, manifest TEXT NOT NULL, deployed INTEGER NOT NULL DEFAULT 0, created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL, UNIQUE (account, kind, name))`,
  // Chat sessions: the conversation (JSON messages) of one chatbot; `uid_sessions` is the CLI's
  // cache of the current session per (account, uid, chatbot).
  `CREATE TABLE IF NOT EXISTS sessions (account TEXT NOT NULL, session_key TEXT NOT NULL, chatbot_id INTEGER NOT NULL, messages TEXT NOT NULL, turns INTEGER NOT NULL DEFAULT 0, created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL, PRIMARY KEY (account, session_key))`,
  `CREATE TABLE IF NOT EXISTS uid_sessions (account TEXT NOT NULL, uid TEXT NOT NULL, chatbot_id INTEGER NOT NULL, session_key TEXT NOT NULL, at INTEGER NOT NULL, PRIMARY KEY (account, uid, chatbot_id))`,
  // Files: `seq` orders them (several per second); a deleted file stays as a tombstone so that a
  // listing cursor (`after`) pointing at it still works.
  `CREATE TABLE IF NOT EXISTS files (seq INTEGER PRIMARY KEY AUTOINCREMENT, account TEXT NOT NULL, id TEXT NOT NULL, filename TEXT NOT NULL, purpose TEXT NOT NULL, bytes INTEGER NOT NULL, created_at INTEGER NOT NULL, deleted INTEGER NOT NULL DEFAULT 0, UNIQUE (account, id))`,
  // Fine-tuning jobs: the request and the timeline's inputs; the status is computed from the clock.
  `CREATE TABLE IF NOT EXISTS ft_jobs (seq INTEGER PRIMARY KEY AUTOINCREMENT, account TEXT NOT NULL, id TEXT NOT NULL, request TEXT NOT NULL, created_ms INTEGER NOT NULL, cancelled_ms INTEGER, training_error TEXT, training_tokens INTEGER NOT NULL, UNIQUE (account, id))`,
];

let ready: Promise<void> | undefined;

/** Creates the tables once per isolate (they persist with the data directory). */
export function ensureSchema(env: SmarterEnv): Promise<void> {
  ready ??= Promise.all([env.SMARTER.batch(TABLES.map((sql) => env.SMARTER.prepare(sql))), ensureEmuSchema(env)])
    .then(() => undefined)
    .catch((error: unknown) => {
      ready = undefined;
      throw error;
    });
  return ready;
}
