// /services/invoke: a deterministic local stand-in. The emulator runs no project services; it
// answers `{success: true, result: {echo: data, serviceName}}` so that calling code can be tested.
import { Hono } from 'hono';
import { Checker, readBody } from './body';
import type { AppEnv } from './env';

export const services = new Hono<AppEnv>();

services.post('/invoke', async (c) => {
  const check = new Checker(await readBody(c));
  const serviceName = check.string('serviceName', { required: true });
  const data = check.value('data');
  check.done();
  return c.json({ success: true, result: { echo: data, serviceName } });
});
