import type { ResolvedConfig } from './client';
import { APIConnectionError, APIConnectionTimeoutError, APIUserAbortError, errorClassFor, InvalidRequestError, SDKError } from './errors';
import { errorFromResponse, parseJSON } from './response';
import { backoffDelay, retryAfterMs, sleep, withRetry } from './retry';
import type { RequestContext, RequestOptions, RequestSpec, WithResponse } from './types';
import { buildURL } from './url';

const TIMED_OUT = Symbol('timeout');
const SAFE_METHODS = /^(GET|HEAD|OPTIONS|PUT|DELETE)$/;

function authHeaders(cfg: ResolvedConfig, spec: RequestSpec): Record<string, string> | Promise<Record<string, string>> {
  const auth = spec.auth ?? cfg.auth; // `false`: none
  const key = cfg.apiKey;
  if (!auth) return {};
  if (typeof auth === 'function') return auth(key);
  if (!key) {
    const variable = cfg.preset.env?.apiKey;
    throw new InvalidRequestError(`Missing API key: pass { apiKey }${variable ? ` or set ${variable}` : ''}`, { code: 'MISSING_API_KEY' });
  }
  return 'header' in auth ? { [auth.header]: key } : { authorization: `${auth.scheme} ${key}` };
}

/** One call: builds the request once, then attempts it until it succeeds or may not be retried. */
export async function request<T>(cfg: ResolvedConfig, spec: RequestSpec, options: RequestOptions = {}): Promise<WithResponse<T>> {
  spec.check?.();
  const { log, hooks, preset } = cfg;
  const policy = withRetry(cfg.retry, options.retry, options.maxRetries);
  const timeout = options.timeout ?? cfg.timeout;
  const signal = options.signal;
  const method = spec.method.toUpperCase();
  const url = buildURL(cfg.baseURL, spec.path, spec.query);

  const headers: Record<string, string> = { accept: 'application/json', ...cfg.headers };
  let body = spec.rawBody;
  if (body !== undefined) {
    if (spec.contentType) headers['content-type'] = spec.contentType;
  } else if (spec.body !== undefined) {
    body = JSON.stringify(spec.body);
    headers['content-type'] = 'application/json';
  }
  const idempotencyHeader = cfg.idempotencyHeader ?? 'idempotency-key';
  if (options.idempotencyKey) headers[idempotencyHeader] = options.idempotencyKey;
  else if (cfg.idempotencyHeader && !spec.idempotent && (method === 'POST' || method === 'PATCH')) headers[idempotencyHeader] = crypto.randomUUID();
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
    const ctx: RequestContext = { method, url, headers: { ...headers, ...auth, 'x-retry-count': `${attempt}` }, attempt };
    let error: SDKError;
    let retryAfter: number | undefined;
    if (signal?.aborted) throw new APIUserAbortError('Request was aborted');
    await hooks.beforeRequest?.(ctx);
    log('debug', `→ ${method} ${url} (attempt ${attempt})`, ctx.headers);

    const controller = new AbortController();
    const abort = () => controller.abort();
    // No `once`: a signal fires only once, and `finally` unhooks the listener (bytes kept for the transport choice).
    signal?.addEventListener('abort', abort);
    const timer = setTimeout(() => controller.abort(TIMED_OUT), timeout);
    // The caller's signal stays linked to a raw response: it may still cancel the body.
    let keepSignal = false;

    try {
      // Redirects are never followed: fetch would forward the key header to any origin. A 3xx
      // comes back as an APIError naming its location. A streamed body also needs 'error' on
      // Node 20, or fetch keeps a copy of all of it in case it has to replay it.
      const response = await fetchFn(url, {
        method,
        headers: ctx.headers,
        body,
        signal: controller.signal,
        redirect: streaming ? 'error' : 'manual',
        ...(streaming && { duplex: 'half' }),
      });
      await hooks.afterResponse?.(response, ctx);
      log('debug', `← ${response.status} ${method} ${url}`);
      const requestId = response.headers.get(cfg.requestIdHeader) ?? undefined;
      if (response.ok) {
        if (spec.parse === 'raw') {
          keepSignal = true;
          return { data: response as T, response, requestId, body: undefined };
        }
        const body = await parseJSON(response, requestId);
        return { data: (preset.unwrap ? preset.unwrap(body) : body) as T, response, requestId: requestId ?? preset.requestId?.(body), body };
      }
      error = await errorFromResponse(response, preset, requestId, cfg.scrub);
      // A status the policy retries — unless the preset read it as another failure (Smarter's 503
      // "... not found" is a NotFoundError), which no retry would mend.
      if (mayRetry && policy.statuses.includes(response.status) && error instanceof errorClassFor(response.status)) retryAfter = retryAfterMs(response.headers) ?? -1;
    } catch (cause) {
      if (cause instanceof SDKError) error = cause;
      else if (signal?.aborted) error = new APIUserAbortError('Request was aborted', { cause });
      else if (controller.signal.reason === TIMED_OUT) error = new APIConnectionTimeoutError(`Request timed out after ${timeout} ms`, { cause });
      // (A fetch's message may quote the request, key included.)
      else error = new APIConnectionError(cfg.scrub(`Connection error: ${(cause as Error | undefined)?.message ?? String(cause)}`), { cause });
      if (mayRetry && error instanceof APIConnectionError) retryAfter = -1;
    } finally {
      clearTimeout(timer);
      if (!keepSignal) signal?.removeEventListener('abort', abort);
    }

    // retryAfter: undefined = do not retry; -1 = retry after the backoff; else the server's wait.
    if (retryAfter !== undefined && attempt < policy.maxRetries && retryAfter <= policy.maxRetryAfter) {
      const delay = retryAfter < 0 ? backoffDelay(attempt, policy) : retryAfter;
      log('warn', `retry ${attempt + 1}/${policy.maxRetries} of ${method} ${url} in ${Math.round(delay)} ms: ${error.message}`);
      await sleep(delay, signal);
      continue;
    }
    await hooks.onError?.(error, ctx);
    throw error;
  }
}
