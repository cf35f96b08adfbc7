// For the secrets tests (here and in packages/smarter/core): a recognisable key, a logger that keeps
// everything, and every way an error can be looked at — so a test can say the key is in none of them.
import { randomBytes } from 'node:crypto';
import { inspect } from 'node:util';
import type { Logger } from '@aerostack/core';

/** A fresh key that cannot be mistaken for anything else: `<prefix>` + 32 random hex digits. */
export function secretKey(prefix = 'ac_secret_'): { key: string; secret: string } {
  const secret = randomBytes(16).toString('hex');
  return { key: prefix + secret, secret };
}

/** A logger at every level that keeps each call's arguments, shown as inspect would print them. */
export function capturingLogger(): { logger: Logger; lines: unknown[][]; all: () => string } {
  const lines: unknown[][] = [];
  const at =
    (level: string) =>
    (...args: unknown[]): void =>
      void lines.push([level, ...args]);
  const logger: Logger = { error: at('error'), warn: at('warn'), info: at('info'), debug: at('debug') };
  return { logger, lines, all: () => lines.map((l) => inspect(l, { depth: 10 }) + JSON.stringify(l)).join('\n') };
}

/** Everything an app could print or ship about an error: message, String(), JSON, inspect, stack, fields, headers, and the same for every cause. */
export function exposure(error: unknown): string {
  const out: string[] = [];
  const seen = new Set<unknown>();
  for (let e = error; e != null && !seen.has(e); e = (e as { cause?: unknown }).cause) {
    seen.add(e);
    if (e instanceof Error) out.push(e.toString()); // String(error)
    out.push(inspect(e, { depth: 10, showHidden: true }));
    try {
      out.push(JSON.stringify(e));
    } catch (err) {
      out.push(`(JSON.stringify failed: ${String(err)})`);
    }
    if (typeof e !== 'object') continue;
    const { message, stack, body, details, headers } = e as Record<string, unknown>;
    out.push(String(message), String(stack), String(body), inspect(details, { depth: 10 }));
    if (headers instanceof Headers) out.push(JSON.stringify([...headers]));
  }
  return out.join('\n');
}

/** Where in `text` the key, or a tell-tale piece of its secret part (12 characters or more), appears. */
export function leaks(text: string, key: { key: string; secret: string }): string[] {
  const found: string[] = [];
  if (text.includes(key.key)) found.push('the whole key');
  for (let i = 0; i + 12 <= key.secret.length; i += 4) {
    const piece = key.secret.slice(i, i + 12);
    if (text.includes(piece)) found.push(`a piece of it (${piece})`);
  }
  return found;
}
