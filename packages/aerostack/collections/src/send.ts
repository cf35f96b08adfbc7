import { request, type APIPromise, type Client, type RequestOptions, type RequestSpec } from '@aerostack/core';

/**
 * Sends a collections call with the headers the platform's request helper adds to every call (§22):
 * `x-aerostack-function: api_call` and a fresh `x-request-id`; headers you pass win.
 */
export function send<T>(client: Client, spec: RequestSpec, options?: RequestOptions): APIPromise<T> {
  return request<T>(client, spec, { ...options, headers: { 'x-aerostack-function': 'api_call', 'x-request-id': crypto.randomUUID(), ...options?.headers } });
}
