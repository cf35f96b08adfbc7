// Files' metadata in D1 (the bytes are in R2 under `<account>/<file id>`).
export interface FileRow {
  seq: number;
  id: string;
  filename: string;
  purpose: string;
  bytes: number;
  created_at: number;
  deleted: number;
}

export async function insertFile(db: D1Database, account: string, file: Omit<FileRow, 'seq' | 'deleted'>): Promise<void> {
  await db.prepare('INSERT INTO files (account, id, filename, purpose, bytes, created_at) VALUES (?, ?, ?, ?, ?, ?)').bind(account, file.id, file.filename, file.purpose, file.bytes, file.created_at).run();
}

/** A live file (not deleted). */
export async function findFile(db: D1Database, account: string, id: string): Promise<FileRow | undefined> {
  return (await db.prepare('SELECT * FROM files WHERE account = ? AND id = ? AND deleted = 0').bind(account, id).first<FileRow>()) ?? undefined;
}

/** Where a cursor points: a deleted file still has its place, so a listing can go on after it. */
export async function seqOf(db: D1Database, account: string, id: string): Promise<number | undefined> {
  return (await db.prepare('SELECT seq FROM files WHERE account = ? AND id = ?').bind(account, id).first<{ seq: number }>())?.seq ?? undefined;
}

export async function listFiles(db: D1Database, account: string, q: { purpose: string | undefined; asc: boolean; afterSeq: number | undefined; take: number }): Promise<FileRow[]> {
  const where = ['account = ?', 'deleted = 0'];
  const args: unknown[] = [account];
  if (q.purpose !== undefined) {
    where.push('purpose = ?');
    args.push(q.purpose);
  }
  if (q.afterSeq !== undefined) {
    where.push(q.asc ? 'seq > ?' : 'seq < ?');
    args.push(q.afterSeq);
  }
  const sql = `SELECT * FROM files WHERE ${where.join(' AND ')} ORDER BY seq ${q.asc ? 'ASC' : 'DESC'} LIMIT ?`;
  return (await db.prepare(sql).bind(...args, q.take).all<FileRow>()).results;
}

export async function markDeleted(db: D1Database, account: string, id: string): Promise<void> {
  await db.prepare('UPDATE files SET deleted = 1 WHERE account = ? AND id = ?').bind(account, id).run();
}
