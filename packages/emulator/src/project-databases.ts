// Each project's D1 database runs in a workerd process of its own, with D1's query duration limit.
//
// Why: Miniflare runs D1 as a Durable Object inside the workerd process of the workers, and workerd
// runs every worker and Durable Object of a process on one thread. A SQLite statement runs to its
// end on that thread, and nothing in workerd stops it (no statement timeout; CPU limits are not
// enforced locally). One runaway query of one project therefore froze every project, the cache,
// the Smarter API and the health route, for as long as it ran.
//
// So the Aerostack worker sends each statement to the launcher (the service binding `PROJECT_DB`,
// a Node function), which runs it in that project's own Miniflare instance, started at its first
// statement. A statement still running after `timeoutMs` (D1's limit, 30 s) gets D1's error; as on
// the platform, where the database's Durable Object is reset, the statements queued behind it get
// the same error, and the instance is killed (SIGKILL) and started again at the next statement. The
// data stays on disk (the data directory, or a temporary one for `inMemory` that lives until
// `stop()`), so a reset loses only the killed statement's own writes, which SQLite rolls back.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { Log, LogLevel, Miniflare, Response, type Request } from 'miniflare';
import { ChangePump, type Change, type ChangeSink } from './change-pump';
import type { MigrateOutcome, Migration } from './migration';
import { MigrationError } from './migrations';
import { isDdl, splitStatements } from './sql-statements';
import { loadWorkerScript } from './worker-script';

/** D1's documented limit: "Maximum SQL query duration: 30 seconds". */
export const D1_QUERY_TIMEOUT_MS = 30_000;

/** What D1 answers when a statement outlives the limit and the database object is reset. */
export const D1_TIMEOUT_MESSAGE = 'D1_ERROR: D1 DB storage operation exceeded timeout which caused object to be reset.';

/** One statement, as the worker sends it; the answer is `{results}` or `{error}` (the engine's message). */
export interface Statement {
  project: string;
  sql: string;
  params: unknown[];
}
export type Outcome = { results: Record<string, unknown>[] } | { error: string };

// The worker of a project's instance (src/db-worker/, bundled to dist/db-worker.js): one statement
// per request, D1's message on failure; it also keeps the change-capture triggers that realtime's
// db_change is read from (see change-pump.ts).
type Answer = Outcome & { changed?: boolean };

/**
 * workerd's output, line by line. Not `pipe(process.stdout)`: a killed instance's streams are
 * destroyed without ending, so each restart would leave its listeners on process.stdout.
 */
function passOutput(stdout: Readable, stderr: Readable): void {
  createInterface({ input: stdout }).on('line', (line) => process.stdout.write(`${line}\n`));
  createInterface({ input: stderr }).on('line', (line) => process.stderr.write(`${line}\n`));
}

class ProjectDatabase {
  #instance: Promise<Miniflare> | undefined;
  /** The exit of a killed instance: the next one waits for it (never two processes on one file). */
  #killed: Promise<void> = Promise.resolve();
  /** The statements sent and not yet answered, each with the function that answers it. */
  readonly #pending = new Set<(outcome: Outcome) => void>();
  /** Whether a statement was ever sent: a database in a new temporary directory is empty until then. */
  #used = false;
  /** Hands the captured changes to the project's Durable Object (realtime), after each write's answer. */
  readonly pump: ChangePump;

  constructor(
    private readonly id: string,
    private readonly persist: string,
    private readonly timeoutMs: number,
    private readonly compatibilityDate: string,
    private readonly script: string,
  ) {
    this.pump = new ChangePump(id, (after, ack, limit) => this.#readChanges(after, ack, limit));
  }

  get used(): boolean {
    return this.#used;
  }

  async run(sql: string, params: unknown[]): Promise<Outcome> {
    const instance = this.#start();
    const mf = await instance;
    return new Promise<Outcome>((resolve) => {
      const answer = (outcome: Outcome) => {
        clearTimeout(timer);
        this.#pending.delete(answer);
        resolve(outcome);
      };
      this.#pending.add(answer);
      const timer = setTimeout(() => this.#reset(instance), this.timeoutMs);
      mf.dispatchFetch('http://project-db/', { method: 'POST', body: JSON.stringify({ sql, params }) })
        .then((response) => response.json() as Promise<Answer>)
        .then(
          ({ changed, ...outcome }) => {
            answer(outcome);
            // After the answer, never before it: delivery does not hold up the client.
            if (changed !== false) this.pump.kick();
          },
          (error: unknown) => answer({ error: `D1_ERROR: ${error instanceof Error ? error.message : String(error)}` }),
        );
    });
  }

  /**
   * Applies the migration files not yet recorded (all of them when `fresh`). No query time limit:
   * a long seed file runs to its end (at start, nothing waits on it).
   */
  async migrate(migrations: Migration[], fresh: boolean): Promise<MigrateOutcome> {
    const mf = await this.#start();
    const response = await mf.dispatchFetch('http://project-db/', { method: 'POST', body: JSON.stringify({ op: 'migrate', migrations, fresh }) });
    return (await response.json()) as MigrateOutcome;
  }

  /** The captured changes after `after` (deleting those up to `ack`), or undefined when no instance runs. */
  async #readChanges(after: number, ack: number, limit: number): Promise<Change[] | undefined> {
    const instance = this.#instance;
    if (!instance) return undefined;
    const response = await (await instance).dispatchFetch('http://project-db/', { method: 'POST', body: JSON.stringify({ op: 'changes', after, ack, limit }) });
    const body = (await response.json()) as { changes: Change[] } | { error: string };
    if ('error' in body) throw new Error(body.error);
    return body.changes;
  }

  async stop(): Promise<void> {
    this.pump.stop();
    const instance = this.#instance;
    this.#instance = undefined;
    await Promise.all([instance?.then((mf) => mf.dispose()).catch(() => undefined), this.#killed]);
  }

  #start(): Promise<Miniflare> {
    if (this.#instance) return this.#instance;
    this.#used = true;
    const killed = this.#killed;
    const instance = killed.then(async () => {
      const mf = new Miniflare({
        modules: true,
        script: this.script,
        compatibilityDate: this.compatibilityDate,
        host: '127.0.0.1',
        port: 0,
        cf: false,
        log: new Log(LogLevel.WARN),
        handleRuntimeStdio: passOutput,
        d1Databases: { DB: this.id },
        d1Persist: this.persist,
      });
      await mf.ready;
      return mf;
    });
    this.#instance = instance;
    instance.catch(() => {
      if (this.#instance === instance) this.#instance = undefined; // the next statement tries again
    });
    return instance;
  }

  /** The limit is reached: every pending statement gets D1's error, and the process is killed. */
  #reset(instance: Promise<Miniflare>): void {
    if (this.#instance !== instance) return; // already reset
    this.#instance = undefined;
    for (const answer of [...this.#pending]) answer({ error: D1_TIMEOUT_MESSAGE });
    this.#killed = instance.then((mf) => mf.dispose()).catch(() => undefined);
  }
}

export interface ProjectDatabasesOptions {
  projects: string[];
  /** Where D1 persists (the data directory's `d1`), or undefined for a temporary directory. */
  persist: string | undefined;
  timeoutMs: number;
  compatibilityDate: string;
  /** The migration files (src/migrations.ts), applied by `migrate()` and again at each reset. */
  migrations?: Migration[];
}

/** Said once per project, the first time DDL comes through `/db/query` or `/db/batch`. */
export const ddlWarning = (project: string) =>
  `aerostack-emulator: project ${project} ran DDL (CREATE/ALTER/DROP) through the API (/db/query or /db/batch). The emulator runs it, but production refuses DDL through the API: keep your schema in .sql migration files and start the emulator with --migrations <dir> (startEmulator({ migrations })), which applies them as the platform's CLI does. (Shown once per project.)`;

/** The projects' databases, and the service binding through which the worker reaches them. */
export class ProjectDatabases {
  readonly #databases: Map<string, ProjectDatabase>;
  readonly #temporary: string | undefined;
  readonly #migrations: Migration[];
  /** The projects already warned about DDL through the API. */
  readonly #warned = new Set<string>();

  private constructor(databases: Map<string, ProjectDatabase>, temporary: string | undefined, migrations: Migration[]) {
    this.#databases = databases;
    this.#temporary = temporary;
    this.#migrations = migrations;
  }

  static async create(options: ProjectDatabasesOptions): Promise<ProjectDatabases> {
    const temporary = options.persist ? undefined : await mkdtemp(join(tmpdir(), 'aerostack-emulator-d1-'));
    const persist = options.persist ?? temporary ?? '';
    const script = await loadWorkerScript('db-worker.js');
    const databases = new Map(options.projects.map((id) => [id, new ProjectDatabase(id, persist, options.timeoutMs, options.compatibilityDate, script)]));
    return new ProjectDatabases(databases, temporary, options.migrations ?? []);
  }

  /**
   * Applies the migration files to every project's database, one project after the other (each
   * starts its database process). `fresh` (a reset): all of them again. Throws a MigrationError
   * at the first file that fails.
   */
  async migrate(fresh = false): Promise<void> {
    if (!this.#migrations.length) return;
    for (const [project, database] of this.#databases) {
      const outcome = await database.migrate(this.#migrations, fresh);
      if ('failed' in outcome) throw new MigrationError(outcome.failed, project, outcome.error, outcome.applied);
    }
  }

  /** A statement from the API (not the emulator's own): warn once per project when it is DDL. */
  #checkDdl(project: string, sql: string): void {
    if (this.#warned.has(project) || !splitStatements(sql).some(isDdl)) return;
    this.#warned.add(project);
    console.warn(ddlWarning(project));
  }

  /** Where the projects' captured changes go (the PROJECT Durable Objects, once the workers run). */
  setChangeSink(sink: ChangeSink): void {
    for (const database of this.#databases.values()) database.pump.setSink(sink);
  }

  /**
   * `PROJECT_DB`: POST a Statement, get an Outcome. `skipWhenEmpty` (a read of /__emulator/reset):
   * a database in memory that no statement used yet is empty, so the answer is `[]` without starting it.
   * `fromApi`: the statement came through /db/query or /db/batch (DDL there is warned about).
   * `{project, op: "migrate"}`: the migration files again (the reset).
   */
  readonly binding = async (request: Request): Promise<Response> => {
    const body = (await request.json()) as (Statement & { skipWhenEmpty?: boolean; fromApi?: boolean }) | { project: string; op: 'migrate' };
    const database = this.#databases.get(body.project);
    if (!database) return Response.json({ error: `Unknown project ${body.project}` }, { status: 404 });
    if ('op' in body) {
      // After /__emulator/reset dropped the project's tables: the migrations again, from the first.
      if (!this.#migrations.length) return Response.json({ results: [] });
      const outcome = await database.migrate(this.#migrations, true);
      return Response.json('failed' in outcome ? { error: new MigrationError(outcome.failed, body.project, outcome.error, outcome.applied).message } : { results: [] });
    }
    if (body.fromApi) this.#checkDdl(body.project, body.sql);
    if (body.skipWhenEmpty && this.#temporary && !database.used) return Response.json({ results: [] });
    return Response.json(await database.run(body.sql, Array.isArray(body.params) ? body.params : []));
  };

  async stop(): Promise<void> {
    await Promise.all([...this.#databases.values()].map((d) => d.stop()));
    if (this.#temporary) await rm(this.#temporary, { recursive: true, force: true });
  }
}
