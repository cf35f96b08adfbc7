import type { ClientOptions, Logger, LogLevel, Preset } from './types';

const LEVELS: readonly LogLevel[] = ['off', 'error', 'warn', 'info', 'debug'];

/** Headers whose values never reach a log line (besides the platform's own key header). */
const SECRET_HEADERS = /^((proxy-)?authorization|(set-)?cookie|x-api-key)$/;

export type Log = (level: Exclude<LogLevel, 'off'>, message: string, headers?: Record<string, string>) => void;

export type Scrub = (text: string) => string;

/** Cuts the key out of a text, wherever it appears. (Keys under 8 characters are test keys: cutting them would mangle words.) */
export const scrubber =
  (key: string | undefined): Scrub =>
  (text) =>
    key && key.length > 7 ? text.replaceAll(key, '***') : text;

/** The header a client sends its key in, when its auth scheme names one (`x-aerostack-key`). */
export const keyHeaderOf = (options: ClientOptions, preset: Preset): string | undefined => ((options.auth ?? preset.auth) as { header?: string } | undefined)?.header;

/**
 * Headers as they may be shown (in a log line, or when a client is printed): values of secret
 * headers and of the platform's key header become `***`, and the key is cut out of the others.
 */
export function redactHeaders(headers: Record<string, string>, secretHeader: string | undefined, scrub: Scrub): Record<string, string> {
  const secret = secretHeader?.toLowerCase();
  const shown: Record<string, string> = {};
  for (const k in headers) {
    const name = k.toLowerCase();
    shown[k] = SECRET_HEADERS.test(name) || name === secret ? '***' : scrub(headers[k] as string);
  }
  return shown;
}

/**
 * A logger bound to one client, writing messages up to `level` (an unknown level, as from a
 * mistyped variable, means `warn`). Values of secret headers become `***`, and the key itself is
 * cut out of every message (`scrub`).
 */
export function createLog(name: string, logger: Logger, level: string | undefined, secretHeader: string | undefined, scrub: Scrub): Log {
  // Levels are compared by position; 1-based here so that "unknown" (0) picks warn's.
  const upTo = LEVELS.indexOf(level as LogLevel) + 1 || 3;
  return (lvl, message, headers) => {
    if (LEVELS.indexOf(lvl) >= upTo) return;
    const line = `[${name}] ${scrub(message)}`;
    if (headers) logger[lvl](line, redactHeaders(headers, secretHeader, scrub));
    else logger[lvl](line);
  };
}
