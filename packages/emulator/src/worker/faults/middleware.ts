// Applies faults before the route runs: latency, then a status (the route does not run, so a
// faulted write does nothing), or a drop (the route runs; its response is cut: the "lost answer"
// case that idempotency keys exist for). A rule set with POST /__emulator/faults, or a one-off
// `x-emulator-fault` header. Only when the control routes are on (loopback hosts).
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../env';
import { faultResponse, cutResponse } from './respond';
import { parseFaultHeader, type Fault } from './rule';
import { takeFault } from './store';

/** The bindings faults need: the Smarter worker has them too. */
type FaultEnv = { Bindings: Pick<AppEnv['Bindings'], 'CONTROL' | 'EMU'> };

/** Fault middleware answering a status fault with `respond` (each platform's own error shape). */
export function faultsWith<E extends FaultEnv = FaultEnv>(respond: (fault: Fault & { status: number }, request: Request) => Response) {
  return createMiddleware<E>(async (c, next) => {
    if (!c.env.CONTROL) return next();
    const header = c.req.header('x-emulator-fault');
    const fault: Fault | undefined = (header ? parseFaultHeader(header) : undefined) ?? (await takeFault(c.env, c.req.method, c.req.path));
    if (!fault) return next();
    if (fault.latencyMs) await new Promise((resolve) => setTimeout(resolve, fault.latencyMs));
    if (fault.status !== undefined) return respond({ ...fault, status: fault.status }, c.req.raw);
    await next();
    if (fault.drop) c.res = await cutResponse(c.res, c.executionCtx);
  });
}

export const faults = faultsWith((fault) => faultResponse(fault));
