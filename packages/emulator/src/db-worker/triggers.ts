// The change-capture triggers of a project's database (realtime db_change): AFTER INSERT, UPDATE
// and DELETE on every user table write the row (json_object of its columns) into CHANGES, in the
// same transaction as the user's write, so the rows of CHANGES are in commit order (seq) and a
// statement that is rolled back (a killed instance included) leaves none.
//
// Kept in step with the schema: after each statement the worker reads a cheap signature of the
// schema (sqlite_master: the tables' CREATE text changes with ALTER TABLE) and, when it moved,
// re-creates the triggers of the tables whose columns changed, before answering. So a table made
// or altered by one statement has its triggers for the next one.

/** Where the triggers write; hidden from the emulator's own listings (control/reset.ts). */
export const CHANGES = '_aerostack_changes';
/** Our triggers' names start with this; a name ends with the operation's letter and the table. */
export const TRIGGER_PREFIX = '_aerostack_rt_';

export const CREATE_CHANGES = `CREATE TABLE IF NOT EXISTS ${CHANGES} (seq INTEGER PRIMARY KEY AUTOINCREMENT, tbl TEXT NOT NULL, op TEXT NOT NULL, data TEXT, old TEXT, at INTEGER NOT NULL)`;

/** json_object takes at most 127 arguments (SQLITE_MAX_FUNCTION_ARG): columns go in chunks of 60 objects. */
const CHUNK = 60;

export const ident = (name: string) => `"${name.replaceAll('"', '""')}"`;
const literal = (text: string) => `'${text.replaceAll("'", "''")}'`;

/** Tables that get no triggers: SQLite's, D1's, ours, and anything not a plain table (virtual, shadow, view). */
export function isUserTable(name: string, type: string): boolean {
  if (type !== 'table') return false;
  const lower = name.toLowerCase();
  return !lower.startsWith('sqlite_') && !lower.startsWith('_cf_') && !lower.startsWith('_aerostack_');
}

export const OPS = { i: 'INSERT', u: 'UPDATE', d: 'DELETE' } as const;
export type OpLetter = keyof typeof OPS;

export const triggerName = (op: OpLetter, table: string) => `${TRIGGER_PREFIX}${op}_${table}`;

/**
 * One row as JSON text: an array of objects of up to 60 columns each (merged when read). A BLOB
 * (which json_object refuses: a user's write must never fail because of a trigger) is written as
 * `[hex]`, an array: no column value can be one (a value read from a table has no JSON subtype),
 * so the reader knows it is a blob.
 */
export function rowJson(alias: 'NEW' | 'OLD', columns: string[]): string {
  const chunks: string[] = [];
  for (let i = 0; i < columns.length; i += CHUNK) {
    const pairs = columns.slice(i, i + CHUNK).map((c) => {
      const ref = `${alias}.${ident(c)}`;
      return `${literal(c)}, CASE WHEN typeof(${ref}) = 'blob' THEN json_array(hex(${ref})) ELSE ${ref} END`;
    });
    chunks.push(`json_object(${pairs.join(', ')})`);
  }
  return `json_array(${chunks.join(', ')})`;
}

const NOW_MS = `CAST(unixepoch('subsec') * 1000 AS INTEGER)`;

/** DROP and CREATE statements for the three triggers of a table with these columns. */
export function triggerStatements(table: string, columns: string[]): string[] {
  const out: string[] = [];
  const body = (op: OpLetter, data: string, old: string) =>
    `CREATE TRIGGER ${ident(triggerName(op, table))} AFTER ${OPS[op]} ON ${ident(table)} BEGIN INSERT INTO ${CHANGES} (tbl, op, data, old, at) VALUES (${literal(table)}, '${OPS[op]}', ${data}, ${old}, ${NOW_MS}); END`;
  for (const op of Object.keys(OPS) as OpLetter[]) out.push(`DROP TRIGGER IF EXISTS ${ident(triggerName(op, table))}`);
  out.push(body('i', rowJson('NEW', columns), 'NULL'));
  out.push(body('u', rowJson('NEW', columns), rowJson('OLD', columns)));
  out.push(body('d', rowJson('OLD', columns), rowJson('OLD', columns)));
  return out;
}

export interface MasterRow {
  type: string;
  name: string;
  tbl_name: string;
  sql: string | null;
}

/** The schema's signature: the tables' CREATE text (ALTER TABLE rewrites it) and our triggers. */
export const SIGNATURE_SQL = `SELECT type, name, tbl_name, sql FROM sqlite_master WHERE type = 'table' OR (type = 'trigger' AND name LIKE '${TRIGGER_PREFIX.replaceAll('_', '\\_')}%' ESCAPE '\\') ORDER BY type, name`;

export function signature(rows: MasterRow[]): string {
  return rows.map((r) => `${r.type}\u001f${r.name}\u001f${r.tbl_name}\u001f${r.sql ?? ''}`).join('\u001e');
}

/**
 * Our triggers that must go: on a table that is no longer a user table, or named for another table
 * (ALTER TABLE RENAME moves a table's triggers with it, still writing the old name).
 */
export function staleTriggers(rows: MasterRow[], userTables: Set<string>): string[] {
  return rows
    .filter((r) => r.type === 'trigger' && r.name.startsWith(TRIGGER_PREFIX))
    .filter((r) => !userTables.has(r.tbl_name) || !(Object.keys(OPS) as OpLetter[]).some((op) => triggerName(op, r.tbl_name) === r.name))
    .map((r) => r.name);
}
