// The Aerostack API as a Worker: `/v1/...` (the spec's routes) and `/__emulator/...` (control).
//
// CORS first of all (a preflight is answered there, before anything else runs). Order for /v1:
// faults (before anything), auth (the key picks the project), idempotency (replays
// skip the rest), the write log, then the route.
import { Hono } from 'hono';
import { ai } from './ai/routes';
import { auth } from './auth';
import { publicAuth } from './users/public';
import { platformAuth } from './users/routes';
import { cacheAdmin } from './cache/admin';
import { cacheReads } from './cache/reads';
import { cacheWrites } from './cache/writes';
import { collections } from './collections/routes';
import { controlGuard } from './control/guard';
import { control } from './control/routes';
import { cors } from './cors';
import { custom } from './custom';
import { db } from './db/routes';
import type { AppEnv, Env } from './env';
import { notFound, onError } from './errors';
import { faults } from './faults/middleware';
import { billing, consumerHost, consumerV1 } from './gateway/routes';
import { idempotency } from './idempotency';
import { requestLog } from './request-log';
import { ensureSchema } from './schema';
import { queue } from './queue/routes';
import { realtime } from './realtime/routes';
import { consume } from './queue/consumer';
import { services } from './services';
import { cdn } from './storage/cdn';
import { storage } from './storage/routes';
import { writeLog } from './write-log';

const api = new Hono<AppEnv>().basePath('/v1');
api.use('*', faults, auth, idempotency, writeLog);
api.route('/cache', cacheReads);
api.route('/cache', cacheWrites);
api.route('/cache', cacheAdmin);
api.route('/db', db);
api.route('/collections', collections);
api.route('/services', services);
api.route('/storage', storage);
api.route('/queue', queue);
api.route('/ai', ai);
api.route('/auth', platformAuth);
api.route('/gateway', billing);
api.route('/custom', custom);

const app = new Hono<{ Bindings: Env }>();
app.use('*', cors, requestLog, async (c, next) => {
  await ensureSchema(c.env);
  await next();
});
// Local tools only (no foreign Origin, a loopback Host): the control routes and the auth outbox.
app.use('/__emulator/*', controlGuard);
app.use('/api/v1/public/projects/:projectSlug/__emulator/*', controlGuard);
app.route('/__emulator', control);
app.route('/api/v1/public/projects', publicAuth);
// Realtime: the WebSocket (`/api/realtime`) and the history route, outside /v1 as on the platform.
app.route('/', realtime);
// Before /v1: the consumer routes authenticate with a Bearer credential, not the API key.
app.route('/v1/ai/gateway', consumerV1);
app.route('/api/gateway', consumerHost);
// The storage URLs the API answers (`/cdn/<project>/<key>`): public, no API key, as a CDN's.
app.route('/cdn', cdn);
app.route('/', api);
app.notFound(notFound);
app.onError(onError);
api.notFound(notFound);
api.onError(onError);

// The class of the PROJECT Durable Objects (the launcher names it).
export { ProjectObject } from './project/object';

export default {
  fetch: app.fetch,
  queue: consume,
} satisfies ExportedHandler<Env>;
