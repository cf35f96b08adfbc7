// For the "called without its params" tests of every service package: each operation a module
// exports, called as `op(client)` (as a JavaScript caller can), must reject with a typed
// VALIDATION_ERROR — its own check's InvalidRequestError, or the server's 400 for an operation that
// leaves the check to the server — and never throw, nor fail with a raw TypeError.
import { SDKError, type Client } from '@aerostack/core';

/** A fetch that answers every request as the server answers a request without its required fields. */
export const refusingFetch = async (): Promise<Response> =>
  new Response(JSON.stringify({ code: 'VALIDATION_ERROR', message: 'Invalid request' }), { status: 400, headers: { 'content-type': 'application/json' } });

/**
 * How each operation of `module` (its exported functions, less `skip`) ends when called with the
 * client alone (and `options`, when given): `'rejected VALIDATION_ERROR'` for the typed error, else what happened instead.
 */
export async function withoutParams(module: Record<string, unknown>, client: () => Client, { skip = [], options }: { skip?: readonly string[]; options?: object } = {}): Promise<Record<string, string>> {
  const outcomes: Record<string, string> = {};
  for (const [name, op] of Object.entries(module)) {
    if (typeof op !== 'function' || /^[A-Z]/.test(name) || skip.includes(name)) continue;
    let promise: unknown;
    try {
      // `options` (a consumer key, say) goes where each operation takes it: after the params.
      promise = (op as (client: Client, params?: undefined, options?: object) => unknown)(client(), undefined, options);
    } catch (error) {
      outcomes[name] = `threw ${String(error)}`;
      continue;
    }
    try {
      await promise;
      outcomes[name] = 'resolved';
    } catch (error) {
      outcomes[name] = error instanceof SDKError ? `rejected ${error.code ?? error.name}` : `rejected raw ${String(error)}`;
    }
  }
  return outcomes;
}

/** The outcome every operation must have. */
export const expectedOutcomes = (outcomes: Record<string, string>): Record<string, string> =>
  Object.fromEntries(Object.keys(outcomes).map((name) => [name, 'rejected VALIDATION_ERROR']));
