// The API key decides the project. Each accepted key is its own project: its cache keys live under
// `p/<project>/` in KV, and its tables in a D1 database of its own (binding `DB_<i>`, set up by the
// launcher), so no SQL of one key can reach another's tables.
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from './env';
import { ApiError } from './errors';

export const auth = createMiddleware<AppEnv>(async (c, next) => {
  const key = c.req.header('x-aerostack-key') || c.req.header('x-api-key');
  const entry = key ? c.env.PROJECTS.find((p) => p.key === key) : undefined;
  const db = entry ? c.env[entry.db as `DB_${number}`] : undefined;
  if (!entry || !db) throw new ApiError(401, 'AUTH_INVALID_KEY', 'Invalid or missing API key');
  c.set('project', { id: entry.project, db });
  await next();
});
