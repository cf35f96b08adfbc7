// Logs each write operation that ran and succeeded (below 400). Sits after idempotency, so a
// replayed request never reaches it.
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from './env';
import { routeOf } from './route';
import { logWrite, READ_ROUTES } from './writes';

export const writeLog = createMiddleware<AppEnv>(async (c, next) => {
  await next();
  const route = routeOf(c.req.path);
  // Every /v1 route is a POST or a GET, but for the custom functions' (PUT, PATCH and DELETE write too).
  if (!/^(GET|HEAD)$/.test(c.req.method) && !READ_ROUTES.has(route) && c.res.status < 400) {
    await logWrite(c.env, c.get('project').id, route, c.req.header('idempotency-key'));
  }
});
