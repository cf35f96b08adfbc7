// @ts-check
// The edge runtime (Vercel's `edge-runtime` package: the web APIs of Vercel's Edge Functions in a
// Node VM context, with no Node globals). A handler module (`export default async function
// handler(request)`, as Vercel's edge functions are written) is bundled into one script with a
// `fetch` event listener that calls it, and evaluated as the runtime's initial code.
import { EdgeRuntime, runServer } from 'edge-runtime';
import { bundle } from './bundle.mjs';
import { packageVersion } from './paths.mjs';

export function edgeRuntimeVersion() {
  return `edge-runtime ${packageVersion('edge-runtime')}`;
}

/**
 * Bundles a handler module for the edge runtime.
 * @param {string} handlerFile  absolute path of a module whose default export is `(request: Request) => Promise<Response>`
 */
export async function bundleEdgeHandler(handlerFile) {
  const { code } = await bundle(
    {
      source: `import handler from ${JSON.stringify(handlerFile)};
addEventListener('fetch', (event) => event.respondWith(handler(event.request)));`,
    },
    'edge',
  );
  return code;
}

/**
 * Starts an edge runtime on a bundled handler. `env`, when given, becomes `process.env` in it (as
 * on Vercel, where `process.env` is the one Node-like global of an edge function); without it the
 * runtime has no `process` at all.
 * @param {string} initialCode
 * @param {{ env?: Record<string, string> }} [options]
 */
export function startEdge(initialCode, { env } = {}) {
  /** @type {ConstructorParameters<typeof EdgeRuntime>[0]} */
  const options = { initialCode };
  if (env) options.extend = (context) => Object.assign(context, { process: { env: { ...env } } });
  const runtime = new EdgeRuntime(options);
  return {
    runtime,
    /**
     * A request to the handler; the answer is read in full (the runtime's background work awaited).
     * @param {string} url
     * @param {RequestInit} [init]
     */
    fetch: async (url, init) => {
      const response = await runtime.dispatchFetch(url, init);
      await response.waitUntil();
      return response;
    },
    /** Serves the runtime over HTTP (for trying an example by hand). */
    serve: (/** @type {number} */ port) => runServer({ runtime, port, host: '127.0.0.1' }),
  };
}
