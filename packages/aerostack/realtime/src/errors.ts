import { SDKError } from '@aerostack/core';

/**
 * A fault on a subscription that does not end it: `code` is `BAD_FRAME` (a frame that is not JSON
 * or lacks a field), `SERVER_ERROR` (an `error` frame from the server), `HANDLER_ERROR` (a handler
 * of yours threw; `cause` is what it threw) or `RESUME_FAILED` (missed events could not be fetched
 * from history after a reconnect; `cause` says why).
 */
export class RealtimeError extends SDKError {
  static override readonly kind: string = 'RealtimeError';
}

/** What a close refused by the server adds to core's `AuthenticationError` / `PermissionDeniedError`. */
export interface CloseFields {
  /** The WebSocket close code: 4001 (bad key or token) or 4003 (project mismatch). */
  readonly closeCode: number;
  /** The close reason, such as `AUTH_INVALID_KEY: Invalid or missing API key`. */
  readonly closeReason: string;
}
