// Applying migration files to a project's database, as wrangler's `d1 migrations apply` does: the
// files not yet recorded in `d1_migrations` (wrangler's table, same columns), in the order given,
// each in one D1 batch (a transaction) with the row that records it, so a file that fails leaves
// nothing of itself behind and is not recorded. The first failure stops the run.
//
// The change-capture triggers (realtime db_change) of the tables the files made are created at the
// end, before the answer: the API's first write to them is captured. Rows the files write reach no
// subscriber: tables made by the run have no triggers yet, and what the triggers of older tables
// capture (a restart with a data directory) is delivered at start, before anyone can subscribe.
import type { MigrateOutcome, Migration } from '../migration';
import { syncTriggers } from './sync';

const TABLE = 'd1_migrations';
const CREATE_TABLE = `CREATE TABLE IF NOT EXISTS ${TABLE} (id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT UNIQUE, applied_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP NOT NULL)`;

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** `fresh`: forget what was applied (the reset dropped the tables they made) and apply them all again. */
export async function migrate(db: D1Database, migrations: Migration[], fresh: boolean): Promise<MigrateOutcome> {
  await db.prepare(CREATE_TABLE).run();
  if (fresh) await db.prepare(`DELETE FROM ${TABLE}`).run();
  const done = new Set((await db.prepare(`SELECT name FROM ${TABLE}`).all<{ name: string }>()).results.map((r) => r.name));
  const applied: string[] = [];
  let failure: { failed: string; error: string } | undefined;
  for (const migration of migrations) {
    if (done.has(migration.name)) continue;
    try {
      await db.batch([...migration.statements.map((sql) => db.prepare(sql)), db.prepare(`INSERT INTO ${TABLE} (name) VALUES (?)`).bind(migration.name)]);
    } catch (error) {
      failure = { failed: migration.name, error: message(error) };
      break;
    }
    applied.push(migration.name);
  }
  await syncTriggers(db); // the triggers of the tables the files made
  return failure ? { applied, ...failure } : { applied };
}
