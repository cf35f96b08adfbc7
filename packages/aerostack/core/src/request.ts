import type { ResolvedConfig } from './client';
import { APIConnectionError, APIConnectionTimeoutError, APIUserAbortError, InvalidRequestError, SDKError } from './errors';
import { errorFromResponse, parseJSON } from './response';
import { backoffDelay, retryAfterMs, sleep, withRetry } from './retry';
import type { RequestContext, RequestOptions, RequestSpec, WithResponse } from './types';
import { buildURL } from './url';

const SAFE_METHODS = /^(GET|HEAD|OPTIONS|PUT|DELETE)$/;
/** Never forwarded to another origin on a redirect. */
const CREDENTIAL_HEADERS = ['authorization', 'proxy-authorization', 'cookie'];

async function authHeaders(cfg: ResolvedConfig, spec: RequestSpec): Promise<Record<string, string>> {
  const auth = spec.auth === false ? undefined : (spec.auth ?? cfg.auth);
  if (!auth) return {};
  if (typeof auth === 'function') return auth(cfg.apiKey);
  const key = cfg.apiKey;
  if (!key) {
    const variable = cfg.preset.env?.apiKey;
    throw new InvalidRequestError(
      `Missing ${cfg.preset.name} API key: pass { apiKey } to the client${variable ? ` or set ${variable}` : ''}`,
      { code: 'MISSING_API_KEY' },
    );
  }
  return 'header' in auth ? { [auth.header.toLowerCase()]: key } : { authorization: `${auth.scheme} ${key}` };
}

/**
 * Sends one attempt and follows redirects by hand, so that credentials never reach another
 * origin. A streamed body cannot be replayed, so its request refuses redirects instead (which
 * also stops Node 20's fetch from keeping a copy of the whole body for a replay).
 */
async function send(
  fetchFn: typeof fetch,
  ctx: RequestContext,
  body: BodyInit | undefined,
  signal: AbortSignal,
  streaming: boolean,
  secretHeaders: string[],
): Promise<Response> {
  let { method, url, headers } = ctx;
  for (let hops = 0; ; hops++) {
    const init: RequestInit & { duplex?: 'half' } = { method, headers, body, signal, redirect: streaming ? 'error' : 'manual' };
    if (streaming) init.duplex = 'half';
    const response = await fetchFn(url, init);
    const { status } = response;
    // A browser hides a manual redirect's target (an "opaqueredirect" with status 0).
    if (!status) throw new APIConnectionError(`${method} ${url} was redirected to a hidden location`);
    const location = status > 300 && status < 309 ? response.headers.get('location') : null;
    if (!location) return response;
    await response.body?.cancel();
    if (hops > 4) throw new APIConnectionError(`Too many redirects, the last to ${location}`);
    const next = new URL(location, url);
    headers = { ...headers };
    if (next.origin !== new URL(url).origin) for (const name of [...CREDENTIAL_HEADERS, ...secretHeaders]) delete headers[name];
    if (status === 303 || (status < 303 && method === 'POST')) {
      method = 'GET';
      body = undefined;
      delete headers['content-type'];
    }
    url = next.href;
  }
}

/** One call: builds the request once, then attempts it until it succeeds or may not be retried. */
export async function request<T>(cfg: ResolvedConfig, spec: RequestSpec, options: RequestOptions = {}): Promise<WithResponse<T>> {
  const { log, hooks, preset } = cfg;
  const policy = withRetry(cfg.retry, options.retry, options.maxRetries);
  const timeout = options.timeout ?? cfg.timeout;
  const signal = options.signal;
  const method = spec.method.toUpperCase();
  const url = buildURL(cfg.baseURL, spec.path, spec.query);

  const headers: Record<string, string> = { accept: 'application/json', ...cfg.headers };
  let body: BodyInit | undefined;
  if (spec.rawBody !== undefined) {
    body = spec.rawBody;
    if (spec.contentType) headers['content-type'] = spec.contentType;
  } else if (spec.body !== undefined) {
    body = JSON.stringify(spec.body);
    headers['content-type'] = 'application/json';
  }
  const idempotencyHeader = cfg.idempotencyHeader ?? 'idempotency-key';
  if (options.idempotencyKey) headers[idempotencyHeader] = options.idempotencyKey;
  else if (cfg.idempotencyHeader && (method === 'POST' || method === 'PATCH')) headers[idempotencyHeader] = crypto.randomUUID();
  for (const key in options.headers) {
    const value = options.headers[key];
    if (value == null) delete headers[key.toLowerCase()];
    else headers[key.toLowerCase()] = value;
  }

  const streaming = body instanceof ReadableStream;
  // A write is retried only when the server can tell a repeat from a new request.
  const mayRetry = !streaming && (SAFE_METHODS.test(method) || spec.idempotent === true || idempotencyHeader in headers);
  const fetchFn = cfg.fetch ?? fetch;

  for (let attempt = 0; ; attempt++) {
    // Per attempt: an auth function may hand out a fresh token.
    const auth = await authHeaders(cfg, spec);
    const ctx: RequestContext = { method, url, headers: { ...headers, ...auth, 'x-retry-count': String(attempt) }, attempt };
    let error: SDKError;
    let retryAfter: number | undefined;
    if (signal?.aborted) throw new APIUserAbortError('Request was aborted');
    await hooks.beforeRequest?.(ctx);
    if (log.on('debug')) log('debug', `→ ${method} ${url}`, { attempt, headers: ctx.headers });

    const controller = new AbortController();
    const abort = () => controller.abort();
    signal?.addEventListener('abort', abort, { once: true });
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeout);
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', abort);
    };

    try {
      const response = await send(fetchFn, ctx, body, controller.signal, streaming, Object.keys(auth));
      await hooks.afterResponse?.(response, ctx);
      log('debug', `← ${response.status} ${method} ${url}`);
      const requestId = response.headers.get(cfg.requestIdHeader) ?? undefined;
      if (response.ok) {
        if (spec.parse === 'raw') {
          // The body is still to be read: the caller's signal stays linked so it can cancel it.
          clearTimeout(timer);
          return { data: response as T, response, requestId, body: undefined };
        }
        const parsed = await parseJSON(response, requestId);
        done();
        return {
          data: (preset.unwrap ? preset.unwrap(parsed) : parsed) as T,
          response,
          requestId: requestId ?? preset.requestId?.(parsed),
          body: parsed,
        };
      }
      error = await errorFromResponse(response, preset, cfg.requestIdHeader);
      done();
      if (mayRetry && policy.statuses.includes(response.status)) retryAfter = retryAfterMs(response.headers) ?? -1;
    } catch (cause) {
      done();
      if (cause instanceof SDKError) error = cause;
      else if (signal?.aborted) error = new APIUserAbortError('Request was aborted', { cause });
      else if (timedOut) error = new APIConnectionTimeoutError(`Request timed out after ${timeout} ms`, { cause });
      else error = new APIConnectionError(`Connection error: ${(cause as Error | undefined)?.message ?? String(cause)}`, { cause });
      if (mayRetry && error instanceof APIConnectionError) retryAfter = -1;
    }

    // retryAfter: undefined = do not retry; -1 = retry after the backoff; else the server's wait.
    if (retryAfter !== undefined && attempt < policy.maxRetries && retryAfter <= policy.maxRetryAfter) {
      const delay = retryAfter < 0 ? backoffDelay(attempt, policy) : retryAfter;
      log('warn', `${error.message}; retry ${attempt + 1} of ${policy.maxRetries} of ${method} ${url} in ${Math.round(delay)} ms`);
      await sleep(delay, signal);
      continue;
    }
    await hooks.onError?.(error, ctx);
    throw error;
  }
}
