// Logging is a set of hooks wrapped around the caller's own, installed once per JavaScript realm.
// The server entries (Node, Bun, Deno) install it on import; the main entry does not, so a
// browser or edge bundle that never calls `enableLogging()` carries none of it: a one-call bundle is
// ~260 B (gzip) smaller without it, and ~600 B larger with it enabled (`pnpm size`).

import { readEnv } from './env';
import { carriesCredential, createLog, isLoopback, keyHeaderOf, type Scrub } from './logger';
import type { ClientOptions, Hooks, Preset, RequestContext } from './types';

/** Wraps a client's hooks with its logging (from `logger`, `logLevel` and the platform's variable). */
export type WithLogging = (preset: Preset, options: ClientOptions, scrub: Scrub) => Hooks;

export let withLogging: WithLogging | undefined;

const loggingHooks: WithLogging = (preset, options, scrub) => {
  const level = options.logLevel ?? readEnv(preset.env && `${preset.env}_LOG`);
  const keyHeader = keyHeaderOf(options, preset);
  const log = createLog(preset.name, options.logger ?? console, level, keyHeader, scrub);
  const hooks = options.hooks ?? {};
  // A credential over plain http:// to another machine can be read on the way: said once per client.
  let warned = false;
  const warnInsecure = ({ url, headers }: RequestContext): void => {
    const { protocol, host, hostname } = new URL(url);
    if (warned || protocol !== 'http:' || isLoopback(hostname) || !carriesCredential(headers, keyHeader, scrub)) return;
    warned = true;
    log('warn', `credentials sent over plain http:// to ${host}: use https://`);
  };
  const withRetries: Hooks = {
    ...hooks,
    beforeRequest: (ctx) => {
      warnInsecure(ctx);
      return hooks.beforeRequest?.(ctx);
    },
    beforeRetry: async (error, ctx, delay) => {
      log('warn', `retry ${ctx.attempt + 1}/${ctx.maxRetries} of ${ctx.method} ${ctx.url} in ${Math.round(delay)} ms: ${error.message}`);
      await hooks.beforeRetry?.(error, ctx, delay);
    },
  };
  // Below debug, requests are wrapped without an await: a call that logs nothing waits for nothing more.
  if (level !== 'debug') return withRetries;
  return {
    ...withRetries,
    beforeRequest: async (ctx) => {
      warnInsecure(ctx);
      await hooks.beforeRequest?.(ctx);
      log('debug', `→ ${ctx.method} ${ctx.url} (attempt ${ctx.attempt})`, ctx.headers);
    },
    afterResponse: async (response, ctx) => {
      await hooks.afterResponse?.(response, ctx);
      log('debug', `← ${response.status} ${ctx.method} ${ctx.url}`);
    },
  };
};

/**
 * Turns logging on for every client created after it in this realm: their `logger` and `logLevel`
 * options and the platform's variable (`AEROSTACK_LOG`, `SMARTER_LOG`) then take effect. Node, Bun
 * and Deno have it on already; browsers and edge runtimes call it once at startup, before creating
 * clients, when they want logs.
 */
export function enableLogging(): void {
  withLogging = loggingHooks;
}
