// The emulator's control routes, under /__emulator/ (no API key; only when bound to a loopback host).
import { Hono } from 'hono';
import { Checker, readBody } from '../body';
import type { Env } from '../env';
import { ApiError } from '../errors';
import { addFault, clearFaults, listFaults } from '../faults/store';
import { listWrites } from '../writes';
import { resetAll } from './reset';

export const control = new Hono<{ Bindings: Env }>();

control.use('*', async (c, next) => {
  if (!c.env.CONTROL) throw new ApiError(404, 'NOT_FOUND', 'Control routes are only served on a loopback host');
  await next();
});

// `consumers`: each project's gateway consumer id (what a billing log names as consumerId).
control.get('/health', (c) => c.json({ ok: true, projects: c.env.PROJECTS.map((p) => p.project), consumers: c.env.PROJECTS.map((p) => ({ project: p.project, consumer: p.consumer })) }));

control.post('/faults', async (c) => {
  const body = await readBody(c);
  const check = new Checker(body);
  const match = body.match ?? {};
  const isObject = typeof match === 'object' && !Array.isArray(match);
  if (!isObject) check.fail('match', 'Expected object');
  const on = new Checker(isObject ? (match as Record<string, unknown>) : {}, check.errors, 'match.');
  const method = on.string('method');
  const path = on.string('path');
  const times = check.int('times', { min: 1 }) ?? 1;
  const status = check.int('status', { min: 400, max: 599 });
  const retryAfter = check.int('retryAfter', { min: 0 });
  const retryAfterMs = check.int('retryAfterMs', { min: 0 });
  const latencyMs = check.int('latencyMs', { min: 0, max: 120_000 });
  const drop = body.drop === true;
  if (status === undefined && latencyMs === undefined && !drop) check.fail('status', 'Give status, latencyMs or drop');
  check.done();
  const id = await addFault(c.env, { method, path, times, status, retryAfter, retryAfterMs, latencyMs, drop });
  return c.json({ id }, 201);
});

control.get('/faults', async (c) => c.json({ faults: await listFaults(c.env) }));

control.delete('/faults', async (c) => {
  await clearFaults(c.env);
  return c.json({ success: true });
});

/** `?project=` takes a project id or one of the accepted keys. */
control.get('/writes', async (c) => {
  const wanted = c.req.query('project');
  const project = wanted ? (c.env.PROJECTS.find((p) => p.key === wanted || p.project === wanted)?.project ?? wanted) : undefined;
  return c.json({ writes: await listWrites(c.env, project) });
});

// Realtime fault injection: closes sockets of the key's project (oldest first) with 1012, so a test can prove a client's resume.
control.post('/realtime/drop', async (c) => {
  const key = c.req.header('x-aerostack-key') || c.req.header('x-api-key');
  const entry = key ? c.env.PROJECTS.find((p) => p.key === key) : undefined;
  if (!entry) throw new ApiError(401, 'AUTH_INVALID_KEY', 'Invalid or missing API key');
  const body = await readBody(c);
  const check = new Checker(body);
  const sockets = body.sockets === 'all' ? 'all' : check.int('sockets', { min: 0 });
  if (sockets === undefined) check.fail('sockets', 'Expected "all" or a whole number ≥ 0');
  check.done();
  const dropped = await c.env.PROJECT.get(c.env.PROJECT.idFromName(entry.project)).realtimeDrop(sockets ?? 0);
  return c.json({ dropped });
});

control.post('/reset', async (c) => {
  await resetAll(c.env);
  return c.json({ success: true });
});
