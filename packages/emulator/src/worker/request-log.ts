// Every response carries `x-request-id` (the caller's, else a new UUID), as the spec's responses
// do; with `log: true` each request is also logged in one line.
import { createMiddleware } from 'hono/factory';
import type { Env } from './env';

export const requestLog = createMiddleware<{ Bindings: Env }>(async (c, next) => {
  const started = Date.now();
  const requestId = c.req.header('x-request-id') || crypto.randomUUID();
  await next();
  c.res.headers.set('x-request-id', requestId);
  if (c.env.LOG) console.log(`${c.req.method} ${c.req.path} → ${c.res.status} (${Date.now() - started} ms) ${requestId}`);
});
