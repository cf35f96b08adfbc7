// The API key decides the project. Each accepted key is its own project: its cache keys live under
// `p/<project>/` in KV, and its tables in a D1 database of its own (in a process of its own, see
// db/project-db.ts), so no SQL of one key can reach another's tables.
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from './env';
import { projectDb } from './db/project-db';
import { ApiError } from './errors';

export const auth = createMiddleware<AppEnv>(async (c, next) => {
  const key = c.req.header('x-aerostack-key') || c.req.header('x-api-key');
  const entry = key ? c.env.PROJECTS.find((p) => p.key === key) : undefined;
  if (!entry) throw new ApiError(401, 'AUTH_INVALID_KEY', 'Invalid or missing API key');
  c.set('project', { id: entry.project, db: projectDb(c.env.PROJECT_DB, entry.project) });
  await next();
});
