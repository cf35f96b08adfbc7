import { mapResult, type APIPromise } from './api-promise';
import type { Client } from './client';
import { Stream, type StreamOptions } from './stream';
import { request } from './request';
import type { RequestOptions, RequestSpec } from './types';

/**
 * Sends a request answered with server-sent events. Awaiting it gives the `Stream` once the
 * headers are in, so an error status (401, 429 after retries, ...) is thrown here, before any
 * iteration; the caller's `signal` stays linked to the body and cancels it. A body that then goes
 * `timeout` ms without a byte fails the iteration (`StreamOptions.idleTimeout`).
 */
export function streamRequest<T>(
  client: Client,
  spec: RequestSpec,
  options?: RequestOptions,
  streamOptions?: StreamOptions<T>,
): APIPromise<Stream<T>> {
  const sent = request<Response>(
    client,
    { ...spec, parse: 'raw' },
    { ...options, headers: { accept: 'text/event-stream', ...options?.headers } },
  );
  // Between chunks, the call's timeout is the idle timeout: resolved as connect() resolves it (a
  // literal there, not a shared constant: an exported constant costs every JSON bundle its name).
  const idleTimeout = options?.timeout ?? client.options.timeout ?? client._preset.timeout ?? 60_000;
  return mapResult(sent, (r) => new Stream<T>(r.data, { idleTimeout, signal: options?.signal, ...streamOptions }));
}
