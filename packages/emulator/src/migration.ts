// A migration file as the launcher hands it to a project's database worker (src/db-worker/migrate.ts),
// and what the worker answers. Types only: both sides import them.

export interface Migration {
  /** The file's name (`0001_init.sql`): what `d1_migrations` records. */
  name: string;
  /** Its statements, cut by src/sql-statements.ts. */
  statements: string[];
}

export type MigrateOutcome = { applied: string[] } | { applied: string[]; failed: string; error: string };
