// Logging is a set of hooks wrapped around the caller's own, installed once per JavaScript realm.
// The server entries (Node, Bun, Deno) install it on import; the main entry does not, so a
// browser or edge bundle that never calls `enableLogging()` carries none of it: a one-call bundle is
// ~260 B (gzip) smaller without it, and ~600 B larger with it enabled (`pnpm size`).

import { readEnv } from './env';
import { createLog, keyHeaderOf, redactHeaders, type Scrub } from './logger';
import type { ClientOptions, Hooks, Preset } from './types';

/** Wraps a client's hooks with its logging (from `logger`, `logLevel` and the platform's variable). */
export type WithLogging = (preset: Preset, options: ClientOptions, scrub: Scrub) => Hooks;

export let withLogging: WithLogging | undefined;

const loggingHooks: WithLogging = (preset, options, scrub) => {
  const level = options.logLevel ?? readEnv(preset.env && `${preset.env}_LOG`);
  const keyHeader = keyHeaderOf(options, preset);
  const log = createLog(preset.name, options.logger ?? console, level, keyHeader, scrub);
  const hooks = options.hooks ?? {};
  // A credential over plain http:// to another machine (not loopback, `localhost` or a
  // `*.localhost` name, RFC 6761) can be read on the way: said once per client. A credential is a
  // secret header, the key header, or the key in any value: whatever the log would redact.
  let warned = false;
  const withRetries: Hooks = {
    ...hooks,
    beforeRequest: (ctx) => {
      const { protocol, host } = new URL(ctx.url);
      if (!warned && protocol == 'http:' && !/^(localhost|127(\.\d+){3}|\[::1\]|.+\.localhost)(:\d+)?$/i.test(host) && JSON.stringify(redactHeaders(ctx.headers, keyHeader, scrub)) != JSON.stringify(ctx.headers)) {
        warned = true;
        log('warn', `credentials over http:// to ${host}: use https://`);
      }
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
      await withRetries.beforeRequest?.(ctx);
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
