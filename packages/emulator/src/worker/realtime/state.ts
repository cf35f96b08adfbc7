// The sockets' state, in the project object's SQLite storage: which sockets are open (in the order
// they opened: a drop closes the oldest first), what each subscribed to (with its filter) and what
// it tracks for presence. Not in the sockets' attachments: an attachment holds at most 2 KiB, and a
// socket may subscribe to many topics with filters. Stored, it survives hibernation like the sockets.
import type { Filter } from './filters';

export interface Member {
  conn: string;
  userId: string | null;
  state: Record<string, unknown>;
}

const SCHEMA = [
  'CREATE TABLE IF NOT EXISTS rt_conns (n INTEGER PRIMARY KEY AUTOINCREMENT, conn TEXT NOT NULL UNIQUE)',
  'CREATE TABLE IF NOT EXISTS rt_subs (conn TEXT NOT NULL, topic TEXT NOT NULL, filter TEXT, PRIMARY KEY (conn, topic))',
  'CREATE INDEX IF NOT EXISTS rt_subs_by_topic ON rt_subs (topic)',
  'CREATE TABLE IF NOT EXISTS rt_presence (conn TEXT NOT NULL, topic TEXT NOT NULL, user_id TEXT, state TEXT NOT NULL, PRIMARY KEY (conn, topic))',
  'CREATE INDEX IF NOT EXISTS rt_presence_by_topic ON rt_presence (topic)',
];

export class SocketState {
  constructor(private readonly sql: SqlStorage) {
    for (const statement of SCHEMA) sql.exec(statement);
  }

  /** Forgets every socket but these (the object restarted: sockets it held before are gone). */
  keepOnly(live: Set<string>): void {
    for (const { conn } of this.sql.exec<{ conn: string }>('SELECT conn FROM rt_conns').toArray()) {
      if (!live.has(conn)) this.forget(conn);
    }
  }

  opened(conn: string): void {
    this.sql.exec('INSERT OR IGNORE INTO rt_conns (conn) VALUES (?)', conn);
  }

  /** Oldest first. */
  conns(): string[] {
    return this.sql.exec<{ conn: string }>('SELECT conn FROM rt_conns ORDER BY n').toArray().map((r) => r.conn);
  }

  forget(conn: string): void {
    this.sql.exec('DELETE FROM rt_conns WHERE conn = ?', conn);
    this.sql.exec('DELETE FROM rt_subs WHERE conn = ?', conn);
    this.sql.exec('DELETE FROM rt_presence WHERE conn = ?', conn);
  }

  subscribe(conn: string, topic: string, filter: Filter | null): void {
    this.sql.exec('INSERT OR REPLACE INTO rt_subs (conn, topic, filter) VALUES (?, ?, ?)', conn, topic, filter ? JSON.stringify(filter) : null);
  }

  unsubscribe(conn: string, topic: string): void {
    this.sql.exec('DELETE FROM rt_subs WHERE conn = ? AND topic = ?', conn, topic);
  }

  subscribers(topic: string): { conn: string; filter: Filter | null }[] {
    return this.sql
      .exec<{ conn: string; filter: string | null }>('SELECT conn, filter FROM rt_subs WHERE topic = ?', topic)
      .toArray()
      .map((r) => ({ conn: r.conn, filter: r.filter === null ? null : (JSON.parse(r.filter) as Filter) }));
  }

  track(conn: string, topic: string, userId: string | null, state: Record<string, unknown>): void {
    this.sql.exec('INSERT OR REPLACE INTO rt_presence (conn, topic, user_id, state) VALUES (?, ?, ?, ?)', conn, topic, userId, JSON.stringify(state));
  }

  /** Removes a tracked presence; answers it, or undefined when there was none. */
  untrack(conn: string, topic: string): Member | undefined {
    const [row] = this.sql.exec<{ user_id: string | null; state: string }>('DELETE FROM rt_presence WHERE conn = ? AND topic = ? RETURNING user_id, state', conn, topic).toArray();
    return row && { conn, userId: row.user_id, state: JSON.parse(row.state) as Record<string, unknown> };
  }

  /** The topics a socket tracks. */
  tracked(conn: string): string[] {
    return this.sql.exec<{ topic: string }>('SELECT topic FROM rt_presence WHERE conn = ?', conn).toArray().map((r) => r.topic);
  }

  members(topic: string): Member[] {
    return this.sql
      .exec<{ conn: string; user_id: string | null; state: string }>('SELECT conn, user_id, state FROM rt_presence WHERE topic = ? ORDER BY rowid', topic)
      .toArray()
      .map((r) => ({ conn: r.conn, userId: r.user_id, state: JSON.parse(r.state) as Record<string, unknown> }));
  }
}
