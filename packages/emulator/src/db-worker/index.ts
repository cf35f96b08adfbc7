// The worker of a project's own database instance (src/project-databases.ts): one request per
// statement, D1's message on failure; the captured changes for realtime (`op: "changes"`); and the
// migration files, at start and at reset (`op: "migrate"`, migrate.ts).
//
// After every statement the change-capture triggers are brought in step with the schema before the
// answer leaves (sync.ts), so a table created or altered by one statement is captured from the next.
import type { Migration } from '../migration';
import { readChanges } from './changes';
import { migrate } from './migrate';
import { dropTriggers, isTriggerError, synced, syncTriggers } from './sync';

interface Env {
  DB: D1Database;
}

type Body =
  | { op?: 'run'; sql: string; params: unknown[] }
  | { op: 'changes'; after: number; ack: number; limit: number }
  | { op: 'migrate'; migrations: Migration[]; fresh: boolean };

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

interface Ran {
  results: Record<string, unknown>[];
  /** Whether the statement may have written (the launcher's pump then reads the captured changes). */
  changed: boolean;
}

async function run(db: D1Database, sql: string, params: unknown[]): Promise<Ran> {
  const statement = db.prepare(sql);
  const { results, meta } = await (params.length ? statement.bind(...params) : statement).all();
  return { results, changed: meta.changed_db || meta.changes > 0 };
}

async function runStatement(db: D1Database, sql: string, params: unknown[]): Promise<Response> {
  try {
    let ran: Ran;
    try {
      if (!synced()) await syncTriggers(db); // the first statement since start: tables made before triggers existed
      ran = await run(db, sql, params);
    } catch (error) {
      // Our triggers name every column, so SQLite refuses to drop one of them: without them, once.
      if (!isTriggerError(message(error))) throw error;
      await dropTriggers(db);
      ran = await run(db, sql, params);
    }
    await syncTriggers(db);
    return Response.json(ran);
  } catch (error) {
    await syncTriggers(db).catch(() => undefined);
    return Response.json({ error: message(error) });
  }
}

export default {
  async fetch(request: Request, env: Env): Promise<Response> {
    const body = await request.json<Body>();
    if (body.op === 'changes') {
      try {
        return Response.json({ changes: await readChanges(env.DB, body.after, body.ack, body.limit) });
      } catch (error) {
        return Response.json({ error: message(error) }, { status: 500 });
      }
    }
    if (body.op === 'migrate') {
      try {
        return Response.json(await migrate(env.DB, body.migrations, body.fresh));
      } catch (error) {
        return Response.json({ applied: [], failed: '(the migrations table)', error: message(error) });
      }
    }
    return runStatement(env.DB, body.sql, body.params);
  },
} satisfies ExportedHandler<Env>;
