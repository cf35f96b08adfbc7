// Reading the captured changes (triggers.ts) back as rows: the pump on the launcher's side
// (src/change-pump.ts) reads them in seq order and deletes them once delivered.
import { CHANGES } from './triggers';
import type { CapturedChange as Change } from '../captured-change';

export type { Change };

interface ChangeRow {
  seq: number;
  tbl: string;
  op: Change['operation'];
  data: string | null;
  old: string | null;
  at: number;
}

/** Bytes as D1 answers a BLOB column: an array of numbers. */
function hexBytes(hex: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < hex.length; i += 2) out.push(parseInt(hex.slice(i, i + 2), 16));
  return out;
}

/**
 * The chunks merged into one row; `[hex]` (a blob, see rowJson) back into bytes. An object rather
 * than an array of chunks is a collection's item (items.ts), taken as it is.
 */
export function decodeRow(text: string | null): Record<string, unknown> | null {
  if (text === null) return null;
  const parsed = JSON.parse(text) as Record<string, unknown>[] | Record<string, unknown>;
  if (!Array.isArray(parsed)) return parsed;
  const chunks = parsed;
  const row: Record<string, unknown> = {};
  for (const chunk of chunks) {
    for (const [column, value] of Object.entries(chunk)) {
      row[column] = Array.isArray(value) && typeof value[0] === 'string' ? hexBytes(value[0]) : value;
    }
  }
  return row;
}

const missingTable = (error: unknown) => error instanceof Error && error.message.includes(`no such table: ${CHANGES}`);

/** Deletes the rows up to `ack` (delivered), then answers up to `limit` rows after `after`. */
export async function readChanges(db: D1Database, after: number, ack: number, limit: number): Promise<Change[]> {
  try {
    if (ack > 0) await db.prepare(`DELETE FROM ${CHANGES} WHERE seq <= ?`).bind(ack).run();
    const { results } = await db.prepare(`SELECT seq, tbl, op, data, old, at FROM ${CHANGES} WHERE seq > ? ORDER BY seq LIMIT ?`).bind(after, limit).all<ChangeRow>();
    return results.map((r) => ({ seq: r.seq, table: r.tbl, operation: r.op, data: decodeRow(r.data), old: decodeRow(r.old), at: r.at }));
  } catch (error) {
    if (missingTable(error)) return [];
    throw error;
  }
}
