// The write log: one row per write operation the emulator actually ran (a replayed or faulted
// request adds none), so tests can check that nothing was done twice.
import type { Env } from './env';

/** Operations that only read: not logged, and no idempotency record is kept for them. */
export const READ_ROUTES = new Set([
  '/cache/get',
  '/cache/getMany',
  '/cache/list',
  '/cache/keys',
  '/storage/get',
  '/storage/getUrl',
  '/storage/list',
  '/storage/exists',
  '/storage/getMetadata',
  '/queue/job',
  '/queue/jobs',
  '/ai/search/query',
  '/ai/search/get',
  '/ai/search/count',
]);

export async function logWrite(env: Env, project: string, route: string, idempotencyKey: string | undefined): Promise<void> {
  await env.EMU.prepare('INSERT INTO writes (project, route, idempotency_key, at) VALUES (?, ?, ?, ?)')
    .bind(project, route, idempotencyKey ?? null, Date.now())
    .run();
}

export interface WriteRow {
  project: string;
  route: string;
  idempotency_key: string | null;
  at: number;
}

export async function listWrites(env: Env, project: string | undefined): Promise<WriteRow[]> {
  const base = 'SELECT project, route, idempotency_key, at FROM writes';
  const statement = project ? env.EMU.prepare(`${base} WHERE project = ? ORDER BY id`).bind(project) : env.EMU.prepare(`${base} ORDER BY id`);
  return (await statement.all<WriteRow>()).results;
}
