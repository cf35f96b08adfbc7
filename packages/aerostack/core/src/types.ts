import type { APIError, SDKError } from './errors';
import type { RequestBody } from './web-types';

/** How long to wait and what to retry. Set per client (`retry`) and per call. */
export interface RetryPolicy {
  /** Retries after the first attempt. Default 2. */
  maxRetries: number;
  /** First backoff in ms; doubles each retry. Default 500. */
  initialDelay: number;
  /** Backoff cap in ms. Default 8000. */
  maxDelay: number;
  /** The longest `Retry-After` honoured, in ms; a longer one is not waited for and the error is thrown. Default 60000. */
  maxRetryAfter: number;
  /** Statuses that are retried. Default 408, 429, 500, 502, 503, 504. */
  statuses: readonly number[];
}

/** How a client sends requests: see `ClientOptions.transport`. */
export type Transport = 'fetch' | 'node';

export type LogLevel = 'off' | 'error' | 'warn' | 'info' | 'debug';

/** Anything shaped like `console`. */
export interface Logger {
  error(message: string, ...data: unknown[]): void;
  warn(message: string, ...data: unknown[]): void;
  info(message: string, ...data: unknown[]): void;
  debug(message: string, ...data: unknown[]): void;
}

/** What a hook sees of an attempt. `headers` may be changed by `beforeRequest`. */
export interface RequestContext {
  method: string;
  url: string;
  headers: Record<string, string>;
  /** 0 for the first attempt, 1 for the first retry, ... */
  attempt: number;
  /**
   * The retry policy's `maxRetries` for this call. (A call that may not be retried — a streamed
   * upload, a write without an idempotency key — makes none.)
   */
  maxRetries: number;
}

export interface Hooks {
  beforeRequest?: (request: RequestContext) => void | Promise<void>;
  afterResponse?: (response: Response, request: RequestContext) => void | Promise<void>;
  /** Before the wait that precedes a retry: the attempt's error, and the wait in ms. */
  beforeRetry?: (error: SDKError, request: RequestContext, delay: number) => void | Promise<void>;
  onError?: (error: SDKError, request: RequestContext) => void | Promise<void>;
}

/** Computes auth headers per attempt (for tokens that rotate). */
export type AuthFunction = (apiKey: string | undefined) => Record<string, string> | Promise<Record<string, string>>;

/**
 * How the key is sent: in a header of its own (`{ header: 'X-Aerostack-Key' }`), as
 * `Authorization: <scheme> <key>` (`{ scheme: 'Bearer' }`, `{ scheme: 'Token' }`), or by a function.
 */
export type AuthScheme = { header: string } | { scheme: string } | AuthFunction;
// `header` is written lower-case: `{ header: 'x-aerostack-key' }`.

/** What the server's error body says, as a preset reads it. */
export interface ErrorInfo {
  code?: string | undefined;
  message?: string | undefined;
  details?: unknown;
  /** Overrides the class chosen from the status (for servers that use odd statuses). */
  type?: typeof APIError | undefined;
}

/** Everything that makes a platform a platform. One per platform; services never repeat it. */
export interface Preset {
  /** Shown in messages and log lines: `Aerostack`. */
  name: string;
  baseURL: string;
  /** Named base URLs selectable with the `environment` option. */
  environments?: Record<string, string>;
  auth: AuthScheme;
  /**
   * Prefix of the environment variables read where an environment exists: `AEROSTACK` reads
   * `AEROSTACK_API_KEY`, `AEROSTACK_BASE_URL`, `AEROSTACK_ENVIRONMENT` and `AEROSTACK_LOG`.
   */
  env?: string;
  /** Default 60000 ms. */
  timeout?: number;
  // Header names below are lower-case, as the core keeps them (no per-call lower-casing).
  /** Header that carries the request id. Default `x-request-id`. */
  requestIdHeader?: string;
  /** Header for idempotency keys (`idempotency-key`); when set, every POST and PATCH gets one, so it can be retried. */
  idempotencyHeader?: string;
  /** Header that carries the SDK version. Default `x-sdk-version`. */
  versionHeader?: string;
  /** Reads an error body. The default understands `{code, message, details}`, `{error: "..."}` and `{error: {code, message}}`. */
  parseError?: (body: unknown, status: number) => ErrorInfo;
  /** Unwraps a success envelope. */
  unwrap?: (body: unknown) => unknown;
  /** A request id taken from the body, when the headers have none. */
  requestId?: (body: unknown) => string | undefined;
}

export interface ClientOptions {
  /** Falls back to the platform's variable (`AEROSTACK_API_KEY`) where an environment exists. */
  apiKey?: string | undefined;
  /** Falls back to the platform's variable (`AEROSTACK_BASE_URL`), then to the platform's default. */
  baseURL?: string | undefined;
  /** A named base URL of the platform, e.g. `'local'`. */
  environment?: string | undefined;
  /** Replaces the platform's auth scheme. */
  auth?: AuthScheme | undefined;
  /** Per attempt, in ms. Default 60000. */
  timeout?: number | undefined;
  /** Shorthand for `retry.maxRetries`. Default 2. */
  maxRetries?: number | undefined;
  retry?: Partial<RetryPolicy> | undefined;
  /**
   * How requests are sent: `'node'` (node:http with keep-alive connections, the default on Node)
   * or `'fetch'` (the global `fetch`, the default everywhere else). See the README, Transports.
   */
  transport?: Transport | undefined;
  /** A `fetch` to send every request with; wins over `transport`. */
  fetch?: typeof fetch | undefined;
  /** Sent with every request. */
  headers?: Record<string, string> | undefined;
  /**
   * Default `console`. Logging is on by default on Node, Bun and Deno; in browsers and on edge
   * runtimes call `enableLogging()` once first (it is left out of their bundles otherwise).
   */
  logger?: Logger | undefined;
  /** Default from the platform's variable (`AEROSTACK_LOG`), else `'warn'`. Needs logging, as `logger` says. */
  logLevel?: LogLevel | undefined;
  hooks?: Hooks | undefined;
}

/** Options every operation takes as its last argument. */
export interface RequestOptions {
  signal?: AbortSignal | undefined;
  /** Per attempt, in ms. */
  timeout?: number | undefined;
  maxRetries?: number | undefined;
  retry?: Partial<RetryPolicy> | undefined;
  /** Merged over the client's headers; `null` removes one. */
  headers?: Record<string, string | null | undefined> | undefined;
  /** Sent as the idempotency header; the same on every attempt. Generated when not given. */
  idempotencyKey?: string | undefined;
}

export type QueryValue = string | number | boolean | null | undefined | readonly (string | number | boolean)[];

/** How an operation describes its request to the client. */
export interface RequestSpec {
  method: string;
  /** Appended to the base URL; an absolute `http(s)://` URL is used as is. */
  path: string;
  query?: Record<string, QueryValue> | undefined;
  /** Sent as JSON. */
  body?: unknown;
  /** Sent as is (multipart, bytes, a stream); takes precedence over `body`. */
  rawBody?: RequestBody | undefined;
  contentType?: string | undefined;
  /** `json` (default) parses the body; `raw` hands back the `Response` after the status check. */
  parse?: 'json' | 'raw' | undefined;
  /** A read sent as POST: safe to retry, and needs no idempotency key. */
  idempotent?: boolean | undefined;
  /**
   * Validates the input before anything is sent; what it throws (an `InvalidRequestError`
   * saying what to fix) rejects the call's promise like any other failure.
   */
  check?: (() => void) | undefined;
  /** `false`: send no credentials (public routes). A scheme: use it instead of the client's. */
  auth?: false | AuthScheme | undefined;
}

/** What `.withResponse()` resolves to. */
export interface WithResponse<T> {
  data: T;
  response: Response;
  requestId: string | undefined;
  /** The parsed body before the platform's envelope was unwrapped. */
  body: unknown;
}
