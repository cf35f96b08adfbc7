// Fetch-based helpers for the Aerostack packages' tests (ai, storage): an error body as the API sends it, a client answering from a scripted fetch.
import { AerostackClient, AuthenticationError, BadRequestError, InternalServerError, PermissionDeniedError, RateLimitError, type APIError, type ClientOptions } from '@aerostack/core';
export { json, scriptedFetch, type Reply, type SentRequest } from './fetch';
import { json, type scriptedFetch, type SentRequest } from './fetch';

/** An ErrorResponse as the API sends it, with a request id. */
export function apiError(status: number, code: string, message: string, details?: unknown): Response {
  return json({ code, message, details }, status, { 'x-request-id': `req_${status}` });
}

export const API = 'https://api.aerostack.dev/v1';

/** A client answering from `fetch`, with fast retries. */
export function clientWith(fetch: ReturnType<typeof scriptedFetch>, options: ClientOptions = {}): AerostackClient {
  return new AerostackClient({ apiKey: 'ac_secret_test', fetch, retry: { initialDelay: 1 }, logLevel: 'off', ...options });
}

/** The JSON body of a recorded call. */
export const sentJSON = (req: SentRequest | undefined): unknown => JSON.parse(req?.body ?? 'null');

/** The error statuses the storage reference lists, with their codes and the classes they raise. */
export const STORAGE_ERRORS: readonly (readonly [number, string, typeof APIError])[] = [
  [400, 'VALIDATION_ERROR', BadRequestError],
  [401, 'AUTH_INVALID_KEY', AuthenticationError],
  [403, 'FORBIDDEN', PermissionDeniedError],
  [429, 'RATE_LIMIT_EXCEEDED', RateLimitError],
  [500, 'INTERNAL_ERROR', InternalServerError],
];
