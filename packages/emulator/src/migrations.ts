// `migrations` (CLI `--migrations <dir>`): the `.sql` files of a folder, applied at start to every
// project's database, in file-name order, each once (recorded in `d1_migrations`), as wrangler's
// `d1 migrations apply` does. Reading and cutting the files happens here, in Node; applying them, in
// each project's database worker (src/db-worker/migrate.ts).
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Migration } from './migration';
import { splitStatements } from './sql-statements';

export type { Migration };

/** A migration file that failed: the file, the project, and the engine's message. */
export class MigrationError extends Error {
  constructor(
    readonly file: string,
    readonly project: string,
    readonly sqlError: string,
    applied: string[],
  ) {
    super(
      `migration ${file} failed on project ${project}: ${sqlError}. Nothing of ${file} was applied (it runs in one transaction)${applied.length ? `; applied before it: ${applied.join(', ')}` : ''}. Fix the file and start the emulator again.`,
    );
    this.name = 'MigrationError';
  }
}

/** The `.sql` files of `dir`, sorted by name (as wrangler sorts them), each cut into its statements. */
export async function loadMigrations(dir: string): Promise<Migration[]> {
  const path = resolve(dir);
  const info = await stat(path).catch(() => undefined);
  if (!info?.isDirectory()) throw new Error(`migrations: ${path} is not a directory (give the folder that holds the .sql files)`);
  const names = (await readdir(path, { withFileTypes: true }))
    .filter((entry) => entry.name.endsWith('.sql') && !entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  return Promise.all(names.map(async (name) => ({ name, statements: splitStatements(await readFile(join(path, name), 'utf8')).map((s) => s.sql) })));
}
