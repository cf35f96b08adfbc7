// /v1/custom/:slug, the project's custom functions (§22): after the key check, idempotency and the
// write log like every /v1 route, the call goes to the functions worker (src/functions-worker), with
// the project's id and key in internal headers (its database, cache and storage calls come back
// here with that key). An unknown slug is the platform's 404, in the error shape of every route.
import { Hono } from 'hono';
import type { AppEnv } from './env';
import { ApiError } from './errors';

export const custom = new Hono<AppEnv>();

custom.on(['GET', 'POST', 'PUT', 'PATCH', 'DELETE'], '/:slug', async (c) => {
  const slug = c.req.param('slug');
  if (!c.env.FUNCTIONS || !c.env.FUNCTION_SLUGS.includes(slug)) throw new ApiError(404, 'NOT_FOUND', `No custom function "${slug}"`);
  const { id } = c.get('project');
  const key = c.env.PROJECTS.find((p) => p.project === id)?.key ?? '';
  const headers = new Headers(c.req.raw.headers);
  headers.set('x-emulator-slug', slug);
  headers.set('x-emulator-project', id);
  headers.set('x-emulator-key', key);
  const response = await c.env.FUNCTIONS.fetch(new Request(c.req.raw, { headers }));
  // A fresh Response: its headers can be changed by the middlewares after this (x-request-id, CORS).
  return new Response(response.body, response);
});
