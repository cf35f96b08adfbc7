// Which server generation a request is answered as: the launcher's GENERATION, or the request's
// `x-emulator-generation` header when the control features are on (loopback hosts).
import { createMiddleware } from 'hono/factory';
import type { Generation, SmarterAppEnv } from './env';

export const isV13 = (g: Generation): boolean => g === 'v0.13';

export const generation = createMiddleware<SmarterAppEnv>(async (c, next) => {
  const asked = c.env.CONTROL ? c.req.header('x-emulator-generation') : undefined;
  c.set('generation', asked === 'v0.13' || asked === 'v0.14' ? asked : c.env.GENERATION);
  await next();
});
