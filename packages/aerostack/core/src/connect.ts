import type { Client } from './client';
import { abortError, APIConnectionError, APIConnectionTimeoutError, errorClassFor, InvalidRequestError, SDKError } from './errors';
import { scrubber } from './logger';
import { withLogging } from './logging';
import { errorFromResponse, parseJSON } from './response';
import { backoffDelay, DEFAULT_RETRY, retryAfterMs, sleep, withRetry } from './retry';
import { chooseTransport } from './transport';
import type { RequestContext, RequestOptions, RequestSpec, WithResponse } from './types';
import { buildURL } from './url';
import { VERSION } from './version';

/** Sends one call: builds the request once, then attempts it until it succeeds or may not be retried. */
export type Send = <T>(spec: RequestSpec, options?: RequestOptions) => Promise<WithResponse<T>>;

const TIMED_OUT = Symbol('timeout');
/** The first delay a timer cannot hold; `timeout` at or above it means no timeout. */
export const NO_TIMEOUT = 2 ** 31;
const SAFE_METHODS = /^(GET|HEAD|OPTIONS|PUT|DELETE)$/;

/**
 * Builds a client's `send` from its resolved settings (src/client.ts: base URL and key; then its
 * options, the platform's environment variables and its defaults). The settings live in the
 * closure rather than in a config object: the minifier can shorten local names, never property
 * names. Called by the client's first `request` (src/request.ts), never by its constructor.
 */
export function connect({ options, baseURL, _preset: preset }: Client): Send {
  const apiKey = options.apiKey;
  const clientAuth = options.auth ?? preset.auth;
  // Lower-cased names; the caller's headers win over the defaults.
  const clientHeaders: Record<string, string> = { accept: 'application/json', [preset.versionHeader ?? 'x-sdk-version']: VERSION };
  for (const key in options.headers) clientHeaders[key.toLowerCase()] = options.headers[key] as string;
  const clientRetry = withRetry(DEFAULT_RETRY, options.retry, options.maxRetries);
  // The client's `fetch` or transport; undefined: the global `fetch`, looked up per attempt.
  const transport = options.fetch ?? chooseTransport?.(options);
  const clientTimeout = options.timeout ?? preset.timeout ?? 60_000;
  const scrub = scrubber(apiKey);
  // The caller's hooks, wrapped with logging where it is enabled (src/logging.ts).
  const hooks = withLogging?.(preset, options, scrub) ?? options.hooks ?? {};
  const idempotencyHeader = preset.idempotencyHeader ?? 'idempotency-key';

  const authHeaders = (spec: RequestSpec): Record<string, string> | Promise<Record<string, string>> => {
    const auth = spec.auth ?? clientAuth; // `false`: none
    if (!auth) return {};
    if (typeof auth === 'function') return auth(apiKey);
    // A key pasted with a newline or a space fails here, before anything is sent, and is never retried.
    if (!/^[!-~]+$/.test(apiKey ?? '')) {
      throw new InvalidRequestError(`${apiKey ? 'API key with whitespace' : 'Missing API key'}: pass { apiKey }${preset.env ? ` or set ${preset.env}_API_KEY` : ''}`, {
        code: `${apiKey ? 'INVALID' : 'MISSING'}_API_KEY`,
      });
    }
    return 'header' in auth ? { [auth.header]: apiKey as string } : { authorization: `${auth.scheme} ${apiKey}` };
  };

  const send = async <T>(spec: RequestSpec, call: RequestOptions = {}): Promise<WithResponse<T>> => {
    spec.check?.();
    const policy = withRetry(clientRetry, call.retry, call.maxRetries);
    const timeout = call.timeout ?? clientTimeout;
    const signal = call.signal;
    const method = spec.method.toUpperCase();
    const url = buildURL(baseURL, spec.path, spec.query);

    const headers = { ...clientHeaders };
    let body = spec.rawBody;
    if (body !== undefined) {
      if (spec.contentType) headers['content-type'] = spec.contentType;
    } else if (spec.body !== undefined) {
      body = JSON.stringify(spec.body);
      headers['content-type'] = 'application/json';
    }
    // A caller's key, else one of our own for a write the platform can deduplicate.
    const key = call.idempotencyKey || (preset.idempotencyHeader && !spec.idempotent && /^(POST|PATCH)$/.test(method) && crypto.randomUUID());
    if (key) headers[idempotencyHeader] = key;
    for (const name in call.headers) {
      const value = call.headers[name];
      if (value == null) delete headers[name.toLowerCase()];
      else headers[name.toLowerCase()] = value;
    }

    const streaming = body instanceof ReadableStream;
    // A write is retried only when the server can tell a repeat from a new request.
    const mayRetry = !streaming && (SAFE_METHODS.test(method) || spec.idempotent || idempotencyHeader in headers);

    for (let attempt = 0; ; attempt++) {
      // Per attempt: an auth function may hand out a fresh token.
      const ctx: RequestContext = { method, url, headers: { ...headers, ...(await authHeaders(spec)), 'x-retry-count': `${attempt}` }, attempt, maxRetries: policy.maxRetries };
      let error: SDKError;
      let retryAfter: number | undefined;
      if (signal?.aborted) throw abortError(signal);
      await hooks.beforeRequest?.(ctx);

      const controller = new AbortController();
      let abort = () => controller.abort();
      // No `once`: a signal fires only once, and `finally` unhooks the listener (bytes kept for the transport choice).
      signal?.addEventListener('abort', abort);
      // A timeout past what timers hold (2^31 ms, ~25 days; Infinity) means none: a timer would fire at once.
      let timer: ReturnType<typeof setTimeout> | undefined;
      if (timeout < NO_TIMEOUT) timer = setTimeout(() => controller.abort(TIMED_OUT), timeout);

      try {
        // Redirects are never followed: fetch would forward the key header to any origin. A 3xx
        // comes back as an APIError naming its location. A streamed body also needs 'error' on
        // Node 20, or fetch keeps a copy of all of it in case it has to replay it.
        const response = await (transport ?? fetch)(url, {
          method,
          headers: ctx.headers,
          // A RequestBody is a BodyInit, except that TypeScript 5.7+'s DOM library types views as
          // ArrayBuffer-backed only: RequestBody keeps any ArrayBufferView, as UploadSource does.
          body: body as BodyInit | undefined,
          signal: controller.signal,
          redirect: streaming ? 'error' : 'manual',
          ...(streaming && { duplex: 'half' }),
        });
        await hooks.afterResponse?.(response, ctx);
        const requestId = response.headers.get(preset.requestIdHeader ?? 'x-request-id') ?? undefined;
        if (response.ok) {
          if (spec.parse === 'raw') {
            // The caller's signal stays linked to a raw response: it may still cancel the body.
            abort = () => {}; // (what `finally` unhooks: never hooked)
            return { data: response as T, response, requestId, body: undefined };
          }
          const body = await parseJSON(response, requestId, scrub);
          return { data: (preset.unwrap ? preset.unwrap(body) : body) as T, response, requestId: requestId ?? preset.requestId?.(body), body };
        }
        error = await errorFromResponse(response, preset, requestId, scrub);
        // A status the policy retries — unless the preset read it as another failure (Smarter's 503
        // "... not found" is a NotFoundError), or it is a spent quota (Aerostack's 429 QUOTA_EXCEEDED,
        // OpenAI's insufficient_quota): no retry would mend those.
        if (mayRetry && policy.statuses.includes(response.status) && error instanceof errorClassFor(response.status) && !/quota/i.test(error.code as string)) {
          retryAfter = retryAfterMs(response.headers) ?? -1;
        }
      } catch (cause) {
        if (cause instanceof SDKError) error = cause;
        else if (signal?.aborted) error = abortError(signal);
        else if (controller.signal.reason === TIMED_OUT) error = new APIConnectionTimeoutError(`Request timed out after ${timeout} ms`, { cause });
        // (A fetch's message may quote the request, key included.)
        else error = new APIConnectionError(scrub(`Connection error: ${(cause as Error | undefined)?.message ?? String(cause)}`), { cause });
        if (mayRetry && error instanceof APIConnectionError) retryAfter = -1;
      } finally {
        clearTimeout(timer);
        signal?.removeEventListener('abort', abort);
      }

      // retryAfter: undefined = do not retry; -1 = retry after the backoff; else the server's wait.
      if (retryAfter !== undefined && attempt < policy.maxRetries && retryAfter <= policy.maxRetryAfter) {
        const delay = retryAfter < 0 ? backoffDelay(attempt, policy) : retryAfter;
        await hooks.beforeRetry?.(error, ctx, delay);
        await sleep(delay, signal);
        continue;
      }
      await hooks.onError?.(error, ctx);
      throw error;
    }
  };

  return send;
}
