// --migrations: .sql files applied at start to every project's database, in file-name order, each
// once (d1_migrations, across restarts), a failing file stopping the start with nothing of it
// applied; the realtime capture of the tables they make; the DDL warning of the API.
import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AerostackClient } from '@aerostack/core';
import { batch, query, sql } from '@aerostack/database';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from '../src/index';
import { ddlWarning } from '../src/project-databases';
import { projectId } from '../src/projects';
import { KEY_A, KEY_B, type Harness } from './helpers/emulator';
import { closeAll, isChange, openSocket, subscribe } from './helpers/realtime';

const KEY_C = 'ac_secret_test_project_c';
const INIT = `-- the first migration
CREATE TABLE todos (id INTEGER PRIMARY KEY, title TEXT NOT NULL, done INTEGER NOT NULL DEFAULT 0);
CREATE INDEX todos_done ON todos (done);
INSERT INTO todos (title) VALUES ('seeded; by 0001');
CREATE TRIGGER todos_title AFTER UPDATE OF title ON todos BEGIN
  UPDATE todos SET done = CASE WHEN NEW.title LIKE '%done%' THEN 1 ELSE 0 END WHERE id = NEW.id;
END;
`;
const ADD_COLUMN = 'ALTER TABLE todos ADD COLUMN due TEXT; -- a comment at the end\n';

let root: string;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'aerostack-emulator-migrations-'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});
afterEach(closeAll);

/** A folder of migration files (name → SQL). */
async function folder(name: string, files: Record<string, string>): Promise<string> {
  const dir = join(root, name);
  await rm(dir, { recursive: true, force: true });
  await import('node:fs/promises').then((fs) => fs.mkdir(dir, { recursive: true }));
  for (const [file, text] of Object.entries(files)) await writeFile(join(dir, file), text);
  return dir;
}

const clientOf = (emulator: Emulator, apiKey = KEY_A) => new AerostackClient({ apiKey, baseURL: emulator.aerostackURL, logLevel: 'off' });
const rows = async (emulator: Emulator, text: string, apiKey = KEY_A) => (await query(clientOf(emulator, apiKey), { sql: text })).results;
const applied = async (emulator: Emulator, apiKey = KEY_A) => (await rows(emulator, 'SELECT name FROM d1_migrations ORDER BY id', apiKey)).map((r) => r.name);

describe('migrations in memory', () => {
  let emulator: Emulator;
  /** What the launcher warned (console.warn), from before the start (a wrapper, not a vitest spy: the config restores those). */
  const warnings: string[] = [];
  const originalWarn = console.warn;
  beforeAll(async () => {
    // Written in the reverse of their order: the order is the names', not the folder's.
    const dir = await folder('memory', { '0010_later.sql': "INSERT INTO todos (title, due) VALUES ('from 0010', 'soon');", '0002_due.sql': ADD_COLUMN, '0001_init.sql': INIT, 'README.md': 'not a migration' });
    console.warn = (...args: unknown[]) => {
      warnings.push(args.map(String).join(' '));
      originalWarn(...args);
    };
    emulator = await startEmulator({ aerostackPort: 0, smarterPort: 0, inMemory: true, keys: [KEY_A, KEY_B, KEY_C], migrations: dir });
  });
  afterAll(async () => {
    console.warn = originalWarn;
    await emulator.stop();
  });

  // First: the first write after the start is the one that must be captured.
  it('a table a migration made sends db_change to its subscribers (the capture triggers are on it)', async () => {
    const harness: Harness = { emulator, startupMs: 0 };
    const socket = await openSocket(harness);
    await subscribe(socket, 'todos');
    const c = clientOf(emulator);
    await query(c, sql`INSERT INTO todos (title) VALUES (${'captured'})`);
    await query(c, sql`DELETE FROM todos WHERE title = ${'captured'}`);
    const got = await socket.take(2, isChange);
    expect(got.map((f) => [f.operation, (f.data as { title: string }).title])).toEqual([
      ['INSERT', 'captured'],
      ['DELETE', 'captured'],
    ]);
    await socket.close();
  });

  it('applies the .sql files in file-name order to every project, recorded in d1_migrations; no DDL warning for them', async () => {
    expect(emulator.migrations).toEqual(['0001_init.sql', '0002_due.sql', '0010_later.sql']);
    for (const key of [KEY_A, KEY_B, KEY_C]) {
      expect(await applied(emulator, key)).toEqual(['0001_init.sql', '0002_due.sql', '0010_later.sql']);
      expect(await rows(emulator, 'SELECT id, title, done, due FROM todos ORDER BY id', key)).toEqual([
        { id: 1, title: 'seeded; by 0001', done: 0, due: null },
        { id: 2, title: 'from 0010', done: 0, due: 'soon' },
      ]);
    }
    // The file's trigger is there (a CREATE TRIGGER with CASE ... END inside, kept whole).
    await query(clientOf(emulator), sql`UPDATE todos SET title = ${'all done'} WHERE id = ${1}`);
    expect(await rows(emulator, 'SELECT done FROM todos WHERE id = 1')).toEqual([{ done: 1 }]);
    expect(warnings.join('\n')).not.toContain('DDL');
  });

  it('DDL through the API runs and warns once per project, pointing at --migrations; other statements never', async () => {
    warnings.splice(0);
    await query(clientOf(emulator, KEY_A), sql`CREATE TABLE extra_a (x)`);
    await query(clientOf(emulator, KEY_A), { sql: 'INSERT INTO extra_a VALUES (1); DROP TABLE extra_a' });
    await batch(clientOf(emulator, KEY_B), { queries: [sql`SELECT 1`, { sql: '/* b */ create index b_idx on todos (title)' }] });
    await batch(clientOf(emulator, KEY_C), { queries: [sql`SELECT count(*) FROM todos`, sql`INSERT INTO todos (title) VALUES (${'CREATE TABLE x'})`] });
    const messages = [...warnings];
    expect(messages).toEqual([ddlWarning(projectId(KEY_A)), ddlWarning(projectId(KEY_B))]);
    expect(messages[0]).toContain('production refuses DDL');
    expect(messages[0]).toContain('--migrations <dir>');
    expect(await rows(emulator, "SELECT name FROM sqlite_master WHERE name = 'b_idx'", KEY_B)).toEqual([{ name: 'b_idx' }]);
  });

  it('POST /__emulator/reset drops the tables and applies the migrations again; capture still works', async () => {
    await query(clientOf(emulator), sql`INSERT INTO todos (title) VALUES (${'before reset'})`);
    const reset = await fetch(emulator.aerostackURL.replace(/\/v1$/, '') + '/__emulator/reset', { method: 'POST' });
    expect(reset.status).toBe(200);
    expect(await applied(emulator)).toEqual(['0001_init.sql', '0002_due.sql', '0010_later.sql']);
    expect((await rows(emulator, 'SELECT title FROM todos ORDER BY id')).map((r) => r.title)).toEqual(['seeded; by 0001', 'from 0010']);
    const socket = await openSocket({ emulator, startupMs: 0 });
    await subscribe(socket, 'todos');
    await query(clientOf(emulator), sql`INSERT INTO todos (title) VALUES (${'after reset'})`);
    const [change] = await socket.take(1, isChange);
    expect(change).toMatchObject({ operation: 'INSERT', data: { title: 'after reset', done: 0, due: null } });
    await socket.close();
  });
});

describe('migrations with a data directory', () => {
  it('each file runs once across restarts; a new file is applied at the next start', async () => {
    const data = join(root, 'data-once');
    const dir = await folder('once', { '0001_init.sql': INIT });
    const first = await startEmulator({ aerostackPort: 0, smarterPort: 0, dataDir: data, keys: [KEY_A], migrations: dir });
    await query(clientOf(first), sql`INSERT INTO todos (title) VALUES (${'kept'})`);
    await first.stop();

    await writeFile(join(dir, '0002_due.sql'), ADD_COLUMN);
    // 0001 again would fail (its table exists) or seed a second row.
    const second = await startEmulator({ aerostackPort: 0, smarterPort: 0, dataDir: data, keys: [KEY_A], migrations: dir });
    try {
      expect(await applied(second)).toEqual(['0001_init.sql', '0002_due.sql']);
      expect(await rows(second, 'SELECT title, due FROM todos ORDER BY id')).toEqual([
        { title: 'seeded; by 0001', due: null },
        { title: 'kept', due: null },
      ]);
    } finally {
      await second.stop();
    }
    const third = await startEmulator({ aerostackPort: 0, smarterPort: 0, dataDir: data, keys: [KEY_A], migrations: dir });
    try {
      expect(await rows(third, 'SELECT count(*) AS n FROM d1_migrations')).toEqual([{ n: 2 }]);
    } finally {
      await third.stop();
    }
  });

  it('a failing file stops the start with its name and the SQL error, and leaves nothing of itself', async () => {
    const data = join(root, 'data-fail');
    const dir = await folder('fail', { '0001_init.sql': INIT, '0002_broken.sql': "CREATE TABLE half (x);\nINSERT INTO half VALUES (1);\nINSERT INTO no_such_table VALUES ('x');\n" });
    const failed = startEmulator({ aerostackPort: 0, smarterPort: 0, dataDir: data, keys: [KEY_A], migrations: dir });
    await expect(failed).rejects.toThrow(/migration 0002_broken\.sql failed on project proj_[0-9a-f]{16}: .*no such table: no_such_table/);
    await expect(failed).rejects.toMatchObject({ name: 'MigrationError', file: '0002_broken.sql' });

    // Without migrations, the same data: 0001 applied and recorded, nothing of 0002 (no table `half`).
    const after = await startEmulator({ aerostackPort: 0, smarterPort: 0, dataDir: data, keys: [KEY_A] });
    try {
      expect(await applied(after)).toEqual(['0001_init.sql']);
      expect(await rows(after, "SELECT name FROM sqlite_master WHERE name = 'half'")).toEqual([]);
    } finally {
      await after.stop();
    }

    // Fixed, it applies (it would fail on `half` had any of it stayed).
    await writeFile(join(dir, '0002_broken.sql'), 'CREATE TABLE half (x);\nINSERT INTO half VALUES (1);\n');
    const fixed = await startEmulator({ aerostackPort: 0, smarterPort: 0, dataDir: data, keys: [KEY_A], migrations: dir });
    try {
      expect(await rows(fixed, 'SELECT x FROM half')).toEqual([{ x: 1 }]);
    } finally {
      await fixed.stop();
    }
  });

  it('a folder that does not exist is an error naming it', async () => {
    await expect(startEmulator({ aerostackPort: 0, smarterPort: 0, inMemory: true, migrations: join(root, 'missing') })).rejects.toThrow(/migrations: .*missing is not a directory/);
  });

  it('the CLI takes --migrations, says so, and exits 1 naming the file that failed', async () => {
    const bin = fileURLToPath(new URL('../bin/aerostack-emulator.js', import.meta.url));
    const dir = await folder('cli', { '0001_init.sql': INIT, '0002_bad.sql': 'CREATE TABLE oops (x);\nSELEC 1;\n' });
    const child = spawn(process.execPath, [bin, '--port', '0', '--smarter-port', '0', '--in-memory', '--migrations', dir], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code).toBe(1);
    expect(out).toMatch(/aerostack-emulator: migration 0002_bad\.sql failed on project proj_[0-9a-f]{16}: D1_ERROR: near "SELEC": syntax error/);
    expect(out).toContain('Nothing of 0002_bad.sql was applied');
    expect(out).not.toContain('Press Ctrl+C');
  });
});
