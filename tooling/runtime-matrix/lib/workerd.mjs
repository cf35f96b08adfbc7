// @ts-check
// workerd, through Miniflare: a Worker module (an ES module bundle with `export default { fetch }`)
// in a Miniflare instance of its own, separate from the emulator's. The Worker reaches the emulator
// over real HTTP (workerd's outbound network), as a deployed Worker reaches an API.
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { Miniflare } from 'miniflare';
import { packageVersion } from './paths.mjs';

/** The compatibility date the emulator uses too (packages/emulator/src/index.ts). No compatibility flags: no nodejs_compat. */
export const COMPATIBILITY_DATE = '2025-09-01';

/** The version of the workerd binary Miniflare runs. */
export function workerdVersion() {
  const miniflare = createRequire(import.meta.url).resolve('miniflare');
  return packageVersion('workerd', dirname(miniflare));
}

/**
 * Starts a Worker; `fetch(path)` sends it a request (through Miniflare's dispatchFetch).
 * @param {string} script  an ES module
 * @param {{ bindings?: Record<string, string>, port?: number, compatibilityDate?: string }} [options]
 */
export async function startWorker(script, { bindings = {}, port = 0, compatibilityDate = COMPATIBILITY_DATE } = {}) {
  const mf = new Miniflare({ modules: true, script, compatibilityDate, bindings, host: '127.0.0.1', port });
  const url = await mf.ready;
  return {
    url,
    /** @param {string} path @param {RequestInit} [init] */
    fetch: async (path, init) => /** @type {Response} */ (/** @type {unknown} */ (await mf.dispatchFetch(new URL(path, url), /** @type {never} */ (init)))),
    dispose: () => mf.dispose(),
  };
}
