import { APIPromise } from './api-promise';
import type { Client } from './client';
import { connect } from './connect';
import type { QueryValue, RequestOptions, RequestSpec } from './types';

/**
 * Sends one call with a client: `request(client, { method: 'POST', path: '/cache/get', body })`.
 * The client's pipeline (headers, retries, transport, hooks) is built on its first call and kept
 * on it. A free function rather than a method, so that only bundles that send carry the pipeline.
 */
export function request<T>(client: Client, spec: RequestSpec, options?: RequestOptions): APIPromise<T> {
  return new APIPromise((client._send ??= connect(client))<T>(spec, options));
}

/** `GET path?query`. */
export const get = <T>(client: Client, path: string, query?: Record<string, QueryValue>, options?: RequestOptions): APIPromise<T> =>
  request<T>(client, { method: 'GET', path, query }, options);

/** `POST path` with a JSON body. */
export const post = <T>(client: Client, path: string, body?: unknown, options?: RequestOptions): APIPromise<T> =>
  request<T>(client, { method: 'POST', path, body }, options);
