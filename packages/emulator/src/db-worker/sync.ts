// Keeps the change-capture triggers (triggers.ts) in step with the schema, before a statement's
// answer leaves the worker. One sync at a time (a chain): a statement answered after a sync began
// waits for it and checks again, so its answer never precedes its table's triggers.
import { CREATE_ITEMS, ITEMS, itemTriggerStatements } from './items';
import { CHANGES, CREATE_CHANGES, ident, isUserTable, OPS, SIGNATURE_SQL, signature, staleTriggers, triggerName, triggerStatements, TRIGGER_PREFIX, type MasterRow, type OpLetter } from './triggers';

let lastSignature: string | undefined;
/** The columns each table's triggers were made for (lost on restart: the first sync re-creates them all). */
const madeFor = new Map<string, string>();
let chain: Promise<void> = Promise.resolve();

async function master(db: D1Database): Promise<MasterRow[]> {
  return (await db.prepare(SIGNATURE_SQL).all<MasterRow>()).results;
}

async function syncOnce(db: D1Database): Promise<void> {
  // Without recursive triggers, the rows that INSERT OR REPLACE deletes fire no DELETE trigger (SQLite's rule).
  if (lastSignature === undefined) await db.prepare('PRAGMA recursive_triggers = ON').run();
  let rows = await master(db);
  if (signature(rows) === lastSignature) return;
  if (!rows.some((r) => r.type === 'table' && r.name === CHANGES)) await db.prepare(CREATE_CHANGES).run();
  if (!rows.some((r) => r.type === 'table' && r.name === ITEMS)) await db.batch(CREATE_ITEMS.map((sql) => db.prepare(sql)));
  const listed = (await db.prepare('PRAGMA table_list').all<{ schema: string; name: string; type: string }>()).results;
  const tables = listed.filter((t) => t.schema === 'main' && isUserTable(t.name, t.type)).map((t) => t.name);
  const statements: string[] = [];
  for (const table of tables) {
    const columns = (await db.prepare(`PRAGMA table_info(${ident(table)})`).all<{ name: string }>()).results.map((c) => c.name);
    const key = columns.join('\u001f');
    const complete = (Object.keys(OPS) as OpLetter[]).every((op) => rows.some((r) => r.type === 'trigger' && r.name === triggerName(op, table) && r.tbl_name === table));
    if (complete && madeFor.get(table) === key) continue;
    statements.push(...triggerStatements(table, columns));
    madeFor.set(table, key);
  }
  // The collections' items: triggers of their own (items.ts), made once and after dropTriggers.
  const itemsCaptured = (Object.keys(OPS) as OpLetter[]).every((op) => rows.some((r) => r.type === 'trigger' && r.name === triggerName(op, ITEMS) && r.tbl_name === ITEMS));
  if (!itemsCaptured) statements.push(...itemTriggerStatements());
  for (const name of staleTriggers(rows, new Set([...tables, ITEMS]))) statements.push(`DROP TRIGGER IF EXISTS ${ident(name)}`);
  if (statements.length) await db.batch(statements.map((sql) => db.prepare(sql)));
  rows = await master(db);
  lastSignature = signature(rows);
}

/** Brings the triggers in step with the schema (queued behind any sync already running). */
export function syncTriggers(db: D1Database): Promise<void> {
  const next = chain.then(() => syncOnce(db));
  chain = next.catch(() => undefined);
  return next;
}

/** Whether a sync has run since this worker started (a database made by an older emulator has no triggers yet). */
export const synced = () => lastSignature !== undefined;

/** A failure caused by one of our triggers (ALTER TABLE DROP COLUMN of a column they name). */
export const isTriggerError = (message: string) => message.includes(`error in trigger ${TRIGGER_PREFIX}`);

/** Drops every trigger of ours (the statement is then run again, and the sync makes them anew). */
export async function dropTriggers(db: D1Database): Promise<void> {
  const names = (await master(db)).filter((r) => r.type === 'trigger').map((r) => r.name);
  if (names.length) await db.batch(names.map((n) => db.prepare(`DROP TRIGGER IF EXISTS ${ident(n)}`)));
  madeFor.clear();
  lastSignature = undefined;
}
