// Fault injection on the Smarter port: the Aerostack worker's rules (POST /__emulator/faults on the
// Aerostack port; they live in the shared EMU database, so a rule with a Smarter path — e.g.
// `/api/v1/cli/whoami/` or `/api/v1/files/*` — applies here; a rule without a path applies to the
// first request of either API) and the one-off `x-emulator-fault` header. A status fault answers
// Smarter's error envelope in the request's generation.
import { faultsWith } from '../worker/faults/middleware';
import type { Generation, SmarterAppEnv } from './env';
import { errorBody, SmarterError } from './errors';

/** The fault middleware of a request answered as `generation`. */
export function smarterFaults(generation: Generation) {
  return faultsWith<SmarterAppEnv>((fault, request) => {
    const error = new SmarterError(500, 'SmarterEmulatorInjectedFault', `Injected fault: HTTP ${fault.status} (emulator)`);
    const body = errorBody(generation, error, request.url) as { error: { status: unknown } };
    body.error.status = generation === 'v0.13' ? String(fault.status) : fault.status;
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (fault.retryAfter !== undefined) headers['retry-after'] = String(fault.retryAfter);
    if (fault.retryAfterMs !== undefined) headers['retry-after-ms'] = String(fault.retryAfterMs);
    return new Response(JSON.stringify(body), { status: fault.status, headers });
  });
}
