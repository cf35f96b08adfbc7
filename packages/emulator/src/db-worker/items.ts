// The collections' items (the API's /collections routes, src/worker/collections/): one table for
// every collection of the project, each item a JSON object. Its triggers capture changes as the
// user tables' do (triggers.ts), but write each change under the item's collection name and as the
// item itself (its fields and its id), so `table/<collection>` carries items, not rows with a JSON
// text column. An object (not an array of chunks) in CHANGES is such an item (changes.ts).
import { CHANGES, ident, OPS, triggerName, type OpLetter } from './triggers';

/** Hidden from the user-table capture and from reset's drops, as every `_aerostack_` name. */
export const ITEMS = '_aerostack_collection_items';

export const CREATE_ITEMS = [
  `CREATE TABLE IF NOT EXISTS ${ITEMS} (seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL UNIQUE, collection TEXT NOT NULL, data TEXT NOT NULL)`,
  `CREATE INDEX IF NOT EXISTS ${ITEMS}_by_collection ON ${ITEMS} (collection, seq)`,
];

const NOW_MS = `CAST(unixepoch('subsec') * 1000 AS INTEGER)`;
const item = (alias: 'NEW' | 'OLD') => `json_set(${alias}.data, '$.id', ${alias}.id)`;

/** The triggers of the items table (named as a user table's: triggerName, so sync keeps them). */
export function itemTriggerStatements(): string[] {
  const body = (op: OpLetter, data: string, old: string) =>
    `CREATE TRIGGER ${ident(triggerName(op, ITEMS))} AFTER ${OPS[op]} ON ${ITEMS} BEGIN INSERT INTO ${CHANGES} (tbl, op, data, old, at) VALUES (${op === 'd' ? 'OLD' : 'NEW'}.collection, '${OPS[op]}', ${data}, ${old}, ${NOW_MS}); END`;
  return [
    ...(Object.keys(OPS) as OpLetter[]).map((op) => `DROP TRIGGER IF EXISTS ${ident(triggerName(op, ITEMS))}`),
    body('i', item('NEW'), 'NULL'),
    body('u', item('NEW'), item('OLD')),
    body('d', item('OLD'), item('OLD')),
  ];
}
