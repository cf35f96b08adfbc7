// Logs each write operation that ran and succeeded (below 400). Sits after idempotency, so a
// replayed request never reaches it.
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from './env';
import { routeOf } from './route';
import { logWrite, READ_ROUTES } from './writes';

export const writeLog = createMiddleware<AppEnv>(async (c, next) => {
  await next();
  const route = routeOf(c.req.path);
  if (c.req.method === 'POST' && !READ_ROUTES.has(route) && c.res.status < 400) {
    await logWrite(c.env, c.get('project').id, route, c.req.header('idempotency-key'));
  }
});
