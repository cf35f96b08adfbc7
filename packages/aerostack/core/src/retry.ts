import { abortError } from './errors';
import type { RetryPolicy } from './types';

export const DEFAULT_RETRY: RetryPolicy = {
  maxRetries: 2,
  initialDelay: 500,
  maxDelay: 8000,
  maxRetryAfter: 60_000,
  statuses: [408, 429, 500, 502, 503, 504],
};

/** A policy with some fields changed; `maxRetries` wins over `retry.maxRetries`. */
export function withRetry(base: RetryPolicy, retry: Partial<RetryPolicy> | undefined, maxRetries: number | undefined): RetryPolicy {
  return { ...base, ...retry, ...(maxRetries !== undefined && { maxRetries }) };
}

/** The wait the server asked for, in ms: `retry-after-ms`, then `Retry-After` as seconds or as an HTTP date. */
export function retryAfterMs(headers: Headers): number | undefined {
  const ms = +(headers.get('retry-after-ms') || NaN);
  if (ms >= 0) return ms;
  const value = headers.get('retry-after') ?? '';
  if (+(value || NaN) >= 0) return +value * 1000;
  const wait = Date.parse(value) - Date.now(); // NaN when missing or not a date
  return wait < 0 ? 0 : wait >= 0 ? wait : undefined;
}

/** Exponential backoff with up to 25% jitter taken off, so that clients spread out. */
export function backoffDelay(retry: number, policy: RetryPolicy): number {
  return Math.min(policy.initialDelay * 2 ** retry, policy.maxDelay) * (1 - Math.random() * 0.25);
}

/** Waits `ms`, or rejects at once with the user-abort error when `signal` fires. */
export function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    const abort = () => {
      clearTimeout(timer);
      reject(abortError(signal));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', abort);
      resolve();
    }, ms);
    if (signal?.aborted) abort();
    else signal?.addEventListener('abort', abort); // no `once`: a signal fires only once
  });
}
