// Chat sessions in D1: each holds one chatbot's conversation, so a later turn sees the earlier ones.
// The CLI routes also keep the current session per (account, uid, chatbot) for 24 h, as the
// platform caches it; `new_session=true` replaces it.
export interface Message {
  role: string;
  content: string | null;
}

export interface Session {
  session_key: string;
  chatbot_id: number;
  messages: Message[];
  turns: number;
  created_at: number;
  updated_at: number;
}

interface RawSession extends Omit<Session, 'messages'> {
  messages: string;
}

const DAY_MS = 24 * 60 * 60 * 1000;
const toSession = (r: RawSession): Session => ({ ...r, messages: JSON.parse(r.messages) as Message[] });

export async function findSession(db: D1Database, account: string, key: string): Promise<Session | undefined> {
  const row = await db.prepare('SELECT * FROM sessions WHERE account = ? AND session_key = ?').bind(account, key).first<RawSession>();
  return row ? toSession(row) : undefined;
}

/** Stores the conversation; `turn` counts one more turn. */
export async function saveSession(db: D1Database, account: string, key: string, chatbotId: number, messages: Message[], turn: boolean): Promise<void> {
  const now = Date.now();
  await db
    .prepare(
      `INSERT INTO sessions (account, session_key, chatbot_id, messages, turns, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (account, session_key) DO UPDATE SET chatbot_id = excluded.chatbot_id, messages = excluded.messages, turns = turns + ?, updated_at = excluded.updated_at`,
    )
    .bind(account, key, chatbotId, JSON.stringify(messages), turn ? 1 : 0, now, now, turn ? 1 : 0)
    .run();
}

export interface SessionListing extends Session {
  chatbot: string | null;
}

/** The account's sessions, oldest first, with their chatbot's name (null when it was deleted). */
export async function listSessions(db: D1Database, account: string, filter: { sessionKey?: string | undefined; chatbot?: string | undefined } = {}): Promise<SessionListing[]> {
  const where = ['s.account = ?'];
  const args: unknown[] = [account];
  if (filter.sessionKey) {
    where.push('s.session_key = ?');
    args.push(filter.sessionKey);
  }
  if (filter.chatbot) {
    where.push('r.name = ?');
    args.push(filter.chatbot);
  }
  const sql = `SELECT s.*, r.name AS chatbot FROM sessions s LEFT JOIN resources r ON r.id = s.chatbot_id WHERE ${where.join(' AND ')} ORDER BY s.created_at, s.session_key LIMIT 1000`;
  const rows = (await db.prepare(sql).bind(...args).all<RawSession & { chatbot: string | null }>()).results;
  return rows.map((r) => ({ ...toSession(r), chatbot: r.chatbot }));
}

export async function deleteSession(db: D1Database, account: string, key: string): Promise<boolean> {
  const deleted = await db.prepare('DELETE FROM sessions WHERE account = ? AND session_key = ?').bind(account, key).run();
  await db.prepare('DELETE FROM uid_sessions WHERE account = ? AND session_key = ?').bind(account, key).run();
  return deleted.meta.changes > 0;
}

/** The session cached for (uid, chatbot) in the last 24 h. */
export async function cachedSession(db: D1Database, account: string, uid: string, chatbotId: number): Promise<string | undefined> {
  const row = await db.prepare('SELECT session_key FROM uid_sessions WHERE account = ? AND uid = ? AND chatbot_id = ? AND at > ?').bind(account, uid, chatbotId, Date.now() - DAY_MS).first<{ session_key: string }>();
  return row?.session_key;
}

export async function cacheSession(db: D1Database, account: string, uid: string, chatbotId: number, key: string): Promise<void> {
  await db
    .prepare('INSERT INTO uid_sessions (account, uid, chatbot_id, session_key, at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (account, uid, chatbot_id) DO UPDATE SET session_key = excluded.session_key, at = excluded.at')
    .bind(account, uid, chatbotId, key, Date.now())
    .run();
}
