// Applies faults before the route runs: latency, then a status (the route does not run, so a
// faulted write does nothing), or a drop (the route runs; its response is cut: the "lost answer"
// case that idempotency keys exist for). A rule set with POST /__emulator/faults, or a one-off
// `x-emulator-fault` header. Only when the control routes are on (loopback hosts).
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../env';
import { faultResponse, cutResponse } from './respond';
import { parseFaultHeader, type Fault } from './rule';
import { takeFault } from './store';

export const faults = createMiddleware<Pick<AppEnv, 'Bindings'>>(async (c, next) => {
  if (!c.env.CONTROL) return next();
  const header = c.req.header('x-emulator-fault');
  const fault: Fault | undefined = (header ? parseFaultHeader(header) : undefined) ?? (await takeFault(c.env, c.req.method, c.req.path));
  if (!fault) return next();
  if (fault.latencyMs) await new Promise((resolve) => setTimeout(resolve, fault.latencyMs));
  if (fault.status !== undefined) return faultResponse({ ...fault, status: fault.status });
  await next();
  if (fault.drop) c.res = await cutResponse(c.res, c.executionCtx);
});
