// Idempotency-Key on POST (and PATCH): the first response of (project, key) is kept for 24 h and a repeat gets
// it back with `idempotent-replayed: true`, without running the operation again. A repeat that
// arrives while the first is still running waits for it. 5xx answers are not kept; streams are kept
// once they have ended.
import { createMiddleware } from 'hono/factory';
import type { AppEnv, Env } from './env';
import { ApiError } from './errors';
import { routeOf } from './route';
import { READ_ROUTES } from './writes';

const DAY_MS = 24 * 60 * 60 * 1000;
const WAIT_MS = 10_000;

interface Stored {
  route: string;
  status: number | null;
  content_type: string | null;
  body: string | null;
  created_at: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function claim(env: Env, project: string, key: string, route: string): Promise<boolean> {
  await env.EMU.prepare('DELETE FROM idempotency WHERE project = ? AND key = ? AND created_at < ?').bind(project, key, Date.now() - DAY_MS).run();
  const inserted = await env.EMU.prepare('INSERT OR IGNORE INTO idempotency (project, key, route, created_at) VALUES (?, ?, ?, ?)')
    .bind(project, key, route, Date.now())
    .run();
  return inserted.meta.changes === 1;
}

/** The finished first response, waiting while it is still running. */
async function stored(env: Env, project: string, key: string): Promise<Stored | null> {
  const started = Date.now();
  for (;;) {
    const row = await env.EMU.prepare('SELECT route, status, content_type, body, created_at FROM idempotency WHERE project = ? AND key = ?').bind(project, key).first<Stored>();
    if (!row || row.status !== null || Date.now() - started > WAIT_MS) return row;
    await sleep(50);
  }
}

export const idempotency = createMiddleware<AppEnv>(async (c, next) => {
  const key = c.req.header('idempotency-key');
  const route = routeOf(c.req.path);
  // (PATCH: the custom functions' routes; the SDKs send a key with every POST and PATCH.)
  if (!/^(POST|PATCH)$/.test(c.req.method) || !key || READ_ROUTES.has(route)) return next();
  const project = c.get('project').id;

  if (!(await claim(c.env, project, key, route))) {
    const first = await stored(c.env, project, key);
    if (first && first.route !== route) {
      throw new ApiError(400, 'VALIDATION_ERROR', `Idempotency-Key was already used for ${first.route}`, { fieldErrors: { 'Idempotency-Key': [`Already used for ${first.route}`] } });
    }
    if (first?.status == null) throw new ApiError(409, 'CONFLICT', 'A request with this Idempotency-Key is still in progress');
    return new Response(first.body, {
      status: first.status,
      headers: { 'content-type': first.content_type ?? 'application/json', 'idempotent-replayed': 'true' },
    });
  }

  await next();
  const { res } = c;
  // Not kept: the claim is dropped, so a repeat runs again.
  const forget = () => c.env.EMU.prepare('DELETE FROM idempotency WHERE project = ? AND key = ?').bind(project, key).run();
  if (res.status >= 500) {
    await forget();
    return;
  }
  const save = (body: string) =>
    c.env.EMU.prepare('UPDATE idempotency SET status = ?, content_type = ?, body = ? WHERE project = ? AND key = ?')
      .bind(res.status, res.headers.get('content-type'), body, project, key)
      .run();
  // A stream is kept too, as it is sent: one branch goes to the client at its own pace, the other
  // is collected and stored when the stream ends. A repeat that arrives meanwhile waits for it and
  // gets the same frames; a stream cut before its end is forgotten (the repeat runs again).
  if (res.body && res.headers.get('content-type')?.startsWith('text/event-stream')) {
    const [toClient, toStore] = res.body.tee();
    c.res = new Response(toClient, res);
    c.executionCtx.waitUntil(
      new Response(toStore)
        .text()
        .then(save, forget),
    );
    return;
  }
  await save(await res.clone().text());
});
