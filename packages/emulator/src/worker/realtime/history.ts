// Realtime history (publish with `persist: true`), in the EMU database: one row per (project, room,
// id). created_at (ms) is strictly increasing within a room: one statement takes max(now, the room's
// latest + 1), and D1 runs each statement alone, so `before` paging never skips or repeats. A second
// publish with a stored id is ignored (INSERT OR IGNORE: no row returned, so it is not broadcast).
import type { Env } from '../env';

export interface HistoryRecord {
  id: string;
  room_id: string;
  user_id: string | null;
  event: string;
  data: unknown;
  created_at: number;
}

/** Stores a message; answers its created_at, or undefined when that id is already stored. */
export async function storeMessage(env: Pick<Env, 'EMU'>, project: string, m: { room: string; id: string; userId: string | null; event: string; data: unknown }): Promise<number | undefined> {
  const row = await env.EMU.prepare(
    `INSERT OR IGNORE INTO realtime_history (project, room, id, user_id, event, data, created_at)
     SELECT ?1, ?2, ?3, ?4, ?5, ?6, max(?7, coalesce((SELECT max(created_at) + 1 FROM realtime_history WHERE project = ?1 AND room = ?2), 0))
     RETURNING created_at`,
  )
    .bind(project, m.room, m.id, m.userId, m.event, JSON.stringify(m.data ?? null), Date.now())
    .first<{ created_at: number }>();
  return row?.created_at;
}

interface Row {
  id: string;
  room: string;
  user_id: string | null;
  event: string;
  data: string;
  created_at: number;
}

/** Newest first, `before` exclusive. */
export async function readHistory(env: Pick<Env, 'EMU'>, project: string, room: string, limit: number, before: number | undefined): Promise<HistoryRecord[]> {
  const { results } = await env.EMU.prepare(
    'SELECT id, room, user_id, event, data, created_at FROM realtime_history WHERE project = ? AND room = ? AND created_at < ? ORDER BY created_at DESC LIMIT ?',
  )
    .bind(project, room, before ?? Number.MAX_SAFE_INTEGER, limit)
    .all<Row>();
  return results.map((r) => ({ id: r.id, room_id: r.room, user_id: r.user_id, event: r.event, data: JSON.parse(r.data) as unknown, created_at: r.created_at }));
}
