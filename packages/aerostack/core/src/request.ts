import { APIPromise } from './api-promise';
import type { Client } from './client';
import { connect, type Send } from './connect';
import type { QueryValue, RequestOptions, RequestSpec } from './types';

// Kept here rather than on the client: with two copies of the core in an app (a service outside the
// app core's range gets its own), each copy sends with its own pipeline, whichever copy made the
// client, instead of whichever sent first. (~25 B more than a property on the client.)
const pipelines = new WeakMap<Client, Send>();

/**
 * Sends one call with a client: `request(client, { method: 'POST', path: '/cache/get', body })`.
 * The client's pipeline (headers, retries, transport, hooks) is built on its first call and kept
 * for it. A free function rather than a method, so that only bundles that send carry the pipeline.
 */
export function request<T>(client: Client, spec: RequestSpec, options?: RequestOptions): APIPromise<T> {
  let send = pipelines.get(client);
  if (!send) pipelines.set(client, (send = connect(client)));
  return new APIPromise(send<T>(spec, options));
}

/** `GET path?query`. */
export const get = <T>(client: Client, path: string, query?: Record<string, QueryValue>, options?: RequestOptions): APIPromise<T> =>
  request<T>(client, { method: 'GET', path, query }, options);

/** `POST path` with a JSON body. */
export const post = <T>(client: Client, path: string, body?: unknown, options?: RequestOptions): APIPromise<T> =>
  request<T>(client, { method: 'POST', path, body }, options);
