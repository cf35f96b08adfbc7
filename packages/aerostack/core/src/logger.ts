import type { Logger, LogLevel } from './types';

const LEVELS: Record<LogLevel, number> = { off: 0, error: 1, warn: 2, info: 3, debug: 4 };

/** Headers whose values never reach a log line. */
const SECRET_HEADERS = /^(authorization|proxy-authorization|cookie|set-cookie|x-api-key)$/i;

export function levelOf(value: string | undefined): LogLevel | undefined {
  return value && value in LEVELS ? (value as LogLevel) : undefined;
}

export interface Log {
  (level: Exclude<LogLevel, 'off'>, message: string, data?: { headers?: Record<string, string>; [key: string]: unknown }): void;
  /** True when `level` would be written: build costly data only then. */
  on(level: Exclude<LogLevel, 'off'>): boolean;
}

/**
 * A logger bound to one client. Values of secret headers become `***`, and the key itself is
 * cut out of every message, wherever it appears.
 */
export function createLog(name: string, logger: Logger, level: LogLevel, secrets: { header?: string | undefined; key?: string | undefined }): Log {
  const max = LEVELS[level];
  const scrub = (text: string) => (secrets.key ? text.split(secrets.key).join('***') : text);
  const log = ((lvl, message, data) => {
    if (LEVELS[lvl] > max) return;
    const line = `[${name}] ${scrub(message)}`;
    if (!data) return logger[lvl](line);
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(data.headers ?? {})) {
      headers[k] = SECRET_HEADERS.test(k) || k === secrets.header ? '***' : scrub(v);
    }
    logger[lvl](line, { ...data, headers });
  }) as Log;
  log.on = (lvl) => LEVELS[lvl] <= max;
  return log;
}
