import { APIPromise } from './api-promise';
import { InvalidRequestError } from './errors';
import { readEnv } from './env';
import { createLog, levelOf, type Log } from './logger';
import { request } from './request';
import { DEFAULT_RETRY, withRetry } from './retry';
import type { AuthScheme, ClientOptions, Hooks, Preset, QueryValue, RequestOptions, RequestSpec, RetryPolicy } from './types';
import { VERSION } from './version';

/** Settings resolved once per client, so that no call repeats the work. */
export interface ResolvedConfig {
  preset: Preset;
  baseURL: string;
  apiKey: string | undefined;
  auth: AuthScheme;
  timeout: number;
  retry: RetryPolicy;
  fetch: typeof fetch | undefined;
  /** Lower-cased names. */
  headers: Record<string, string>;
  hooks: Hooks;
  log: Log;
  requestIdHeader: string;
  idempotencyHeader: string | undefined;
}

function lower(headers: Record<string, string> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key in headers) out[key.toLowerCase()] = headers[key] as string;
  return out;
}

// Precedence: baseURL option, environment option, the base-URL variable, the environment variable, the default.
function resolveBaseURL(preset: Preset, options: ClientOptions): string {
  if (options.baseURL) return options.baseURL;
  const name = options.environment ?? (readEnv(preset.env?.baseURL) ? undefined : readEnv(preset.env?.environment));
  if (name === undefined) return readEnv(preset.env?.baseURL) ?? preset.baseURL;
  const url = preset.environments?.[name];
  if (!url) throw new InvalidRequestError(`Unknown environment "${name}" (known: ${Object.keys(preset.environments ?? {}).join(', ')})`);
  return url;
}

function resolve(preset: Preset, options: ClientOptions): ResolvedConfig {
  const apiKey = options.apiKey ?? readEnv(preset.env?.apiKey);
  const auth = options.auth ?? preset.auth;
  const level = options.logLevel ?? levelOf(readEnv(preset.env?.log)) ?? 'warn';
  return {
    preset,
    baseURL: resolveBaseURL(preset, options),
    apiKey,
    auth,
    timeout: options.timeout ?? preset.timeout ?? 60_000,
    retry: withRetry(DEFAULT_RETRY, options.retry, options.maxRetries),
    fetch: options.fetch,
    headers: { [preset.versionHeader ?? 'x-sdk-version']: VERSION, ...lower(options.headers) },
    hooks: options.hooks ?? {},
    log: createLog(preset.name, options.logger ?? console, level, typeof auth === 'object' && 'header' in auth ? auth.header : undefined, apiKey),
    requestIdHeader: preset.requestIdHeader ?? 'x-request-id',
    idempotencyHeader: preset.idempotencyHeader,
  };
}

/**
 * A configured connection to one platform. Operations are functions that take a client:
 * `get(client, { key })`. Platform presets subclass it (`new AerostackClient({ apiKey })`).
 */
export class Client {
  readonly options: Readonly<ClientOptions>;
  /** @internal Resolved settings; not part of the stable API. */
  readonly _config: ResolvedConfig;

  constructor(options: ClientOptions, preset: Preset) {
    this.options = options;
    this._config = resolve(preset, options);
  }

  get baseURL(): string {
    return this._config.baseURL;
  }

  /** A client with some defaults changed; this one is left as it is. */
  withOptions(options: ClientOptions): this {
    const merged = { ...this.options, ...options, headers: { ...this.options.headers, ...options.headers } };
    return new (this.constructor as new (o: ClientOptions, p: Preset) => this)(merged, this._config.preset);
  }

  request<T>(spec: RequestSpec, options?: RequestOptions): APIPromise<T> {
    return new APIPromise(request<T>(this._config, spec, options));
  }

  get<T>(path: string, query?: Record<string, QueryValue>, options?: RequestOptions): APIPromise<T> {
    return this.request<T>({ method: 'GET', path, query }, options);
  }

  post<T>(path: string, body?: unknown, options?: RequestOptions): APIPromise<T> {
    return this.request<T>({ method: 'POST', path, body }, options);
  }
}
