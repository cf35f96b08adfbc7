import { APIPromise } from './api-promise';
import { InvalidRequestError } from './errors';
import { readEnv } from './env';
import { createLog, levelOf, scrubber, type Log, type Scrub } from './logger';
import { request } from './request';
import { DEFAULT_RETRY, withRetry } from './retry';
import { chooseTransport, type FetchLike } from './transport';
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
  /** The client's `fetch` or transport; undefined: the global `fetch`. */
  fetch: FetchLike | undefined;
  /** Lower-cased names. */
  headers: Record<string, string>;
  hooks: Hooks;
  log: Log;
  /** Cuts the API key out of a text (log lines, errors). */
  scrub: Scrub;
  requestIdHeader: string;
  idempotencyHeader: string | undefined;
}

function resolve(preset: Preset, options: ClientOptions): ResolvedConfig {
  const env = (name: keyof NonNullable<Preset['env']>) => readEnv(preset.env?.[name]);
  const apiKey = options.apiKey ?? env('apiKey');
  const auth = options.auth ?? preset.auth;
  // Base URL precedence: baseURL option, environment option, the base-URL variable, the environment variable, the default.
  const name = options.environment ?? (env('baseURL') ? undefined : env('environment'));
  const url = options.baseURL || (name === undefined ? (env('baseURL') ?? preset.baseURL) : preset.environments?.[name]);
  if (!url && name !== undefined) throw new InvalidRequestError(`Unknown environment "${name}" (known: ${Object.keys(preset.environments ?? {}).join(', ')})`);
  const headers: Record<string, string> = { [preset.versionHeader ?? 'x-sdk-version']: VERSION };
  const scrub = scrubber(apiKey);
  for (const key in options.headers) headers[key.toLowerCase()] = options.headers[key] as string;
  return {
    preset,
    baseURL: url as string,
    apiKey,
    auth,
    timeout: options.timeout ?? preset.timeout ?? 60_000,
    retry: withRetry(DEFAULT_RETRY, options.retry, options.maxRetries),
    fetch: options.fetch ?? chooseTransport?.(options),
    headers,
    hooks: options.hooks ?? {},
    log: createLog(preset.name, options.logger ?? console, options.logLevel ?? levelOf(env('log')) ?? 'warn', (auth as { header?: string } | undefined)?.header, scrub),
    scrub,
    requestIdHeader: preset.requestIdHeader ?? 'x-request-id',
    idempotencyHeader: preset.idempotencyHeader,
  };
}

/**
 * A configured connection to one platform. Operations are functions that take a client:
 * `get(client, { key })`. Platform presets subclass it (`new AerostackClient({ apiKey })`).
 */
export class Client {
  // `declare`d, so the build emits no field definitions ahead of the constructor's assignments.
  declare readonly options: Readonly<ClientOptions>;
  /** @internal Resolved settings; not part of the stable API. */
  declare readonly _config: ResolvedConfig;

  constructor(options: ClientOptions, preset: Preset) {
    this.options = options;
    this._config = resolve(preset, options);
  }

  get baseURL(): string {
    return this._config.baseURL;
  }

  /** A client with some defaults changed; this one is left as it is. */
  withOptions(options: ClientOptions): this {
    return new (this.constructor as new (o: ClientOptions, p: Preset) => this)(
      { ...this.options, ...options, headers: { ...this.options.headers, ...options.headers } },
      this._config.preset,
    );
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
