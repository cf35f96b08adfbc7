// Every error the SDKs throw. `instanceof` must keep working when an app ends up with two
// copies of the core (two versions, or the ESM and CJS builds side by side), so class
// identity is not enough: each class names itself in a static `kind`, every instance carries a
// `Symbol.for` brand, and `Symbol.hasInstance` compares kinds along the prototype chain.
// (A static field, unlike a statement after the class, lets bundlers drop unused classes.)

const BRAND = Symbol.for('aerostack.sdk.error');

export interface ErrorFields {
  /** HTTP status, when a response was received. */
  status?: number | undefined;
  /** Machine-readable code from the error body (`AUTH_INVALID_KEY`, `RATE_LIMIT_EXCEEDED`, ...). */
  code?: string | undefined;
  /** Structured details from the error body. */
  details?: unknown;
  /** The request id the server gave (`x-request-id` or the platform's own). */
  requestId?: string | undefined;
  /** Response headers. */
  headers?: Headers | undefined;
  /** The raw response body text, when there was one. */
  body?: string | undefined;
  /** The underlying error (a network `TypeError`, a `SyntaxError`, ...). */
  cause?: unknown;
}

type Kinded = { constructor: { kind?: string } } | null;

/** Base class of every error thrown by the Aerostack and Smarter SDKs. */
export class SDKError extends Error {
  static readonly kind: string = 'SDKError';
  declare readonly status: number | undefined;
  declare readonly code: string | undefined;
  declare readonly details: unknown;
  declare readonly requestId: string | undefined;
  declare readonly headers: Headers | undefined;
  declare readonly body: string | undefined;

  constructor(message: string, fields: ErrorFields = {}) {
    super(message, fields);
    Object.assign(this, fields);
    this.name = new.target.kind;
  }

  static override [Symbol.hasInstance](value: unknown): boolean {
    // From any copy of the core: same brand, and a class of the same kind on the prototype chain.
    // A user's subclass without a kind of its own matches only natively.
    for (let p = ((value as Record<symbol, unknown> | null)?.[BRAND] && Object.hasOwn(this, 'kind') && value) as Kinded; p; p = Object.getPrototypeOf(p) as Kinded) {
      if (p.constructor.kind === this.kind) return true;
    }
    return super[Symbol.hasInstance](value);
  }

  // The brand, on the prototype. Typed `symbol` (not `unique symbol`), so it stays out of the
  // declarations: the types of two copies of the core remain compatible.
  get [BRAND as symbol](): boolean {
    return true;
  }
}

/** The server answered with a non-success status (or a success that was not what was promised). */
export class APIError extends SDKError {
  static override readonly kind: string = 'APIError';
  declare readonly status: number;
}

/** 400: the request was malformed. `details` often says which field. */
export class BadRequestError extends APIError {
  static override readonly kind: string = 'BadRequestError';
}
/** 401: missing, unknown or revoked credentials. */
export class AuthenticationError extends APIError {
  static override readonly kind: string = 'AuthenticationError';
}
/** 403: the credentials are valid but may not do this. */
export class PermissionDeniedError extends APIError {
  static override readonly kind: string = 'PermissionDeniedError';
}
/** 404: no such resource or route. */
export class NotFoundError extends APIError {
  static override readonly kind: string = 'NotFoundError';
}
/** 409: the resource exists already or changed meanwhile. */
export class ConflictError extends APIError {
  static override readonly kind: string = 'ConflictError';
}
/** 422: well-formed but semantically invalid. */
export class UnprocessableEntityError extends APIError {
  static override readonly kind: string = 'UnprocessableEntityError';
}
/** 429: too many requests. `headers` carries `retry-after` when the server sent it. A spent quota (`code` QUOTA_EXCEEDED) is never retried. */
export class RateLimitError extends APIError {
  static override readonly kind: string = 'RateLimitError';
}
/** 5xx: the server failed. */
export class InternalServerError extends APIError {
  static override readonly kind: string = 'InternalServerError';
}
/** A 2xx response whose body is not what the operation promises (not JSON, wrong shape). */
export class InvalidResponseError extends APIError {
  static override readonly kind: string = 'InvalidResponseError';
}

/** No response: DNS, refused or dropped connection, a refused redirect. */
export class APIConnectionError extends SDKError {
  static override readonly kind: string = 'APIConnectionError';
}
/** The attempt took longer than `timeout`. */
export class APIConnectionTimeoutError extends APIConnectionError {
  static override readonly kind: string = 'APIConnectionTimeoutError';
}
/** The caller's `AbortSignal` fired. */
export class APIUserAbortError extends SDKError {
  static override readonly kind: string = 'APIUserAbortError';
}
/** Bad input or configuration, caught before anything was sent. Says what to fix. */
export class InvalidRequestError extends SDKError {
  static override readonly kind: string = 'InvalidRequestError';
}
/** A server-sent event stream broke: a malformed frame, an error event, or a cut connection. */
export class StreamError extends SDKError {
  static override readonly kind: string = 'StreamError';
}

/**
 * Throws the error for bad input, from an operation's `check` (so the call rejects and nothing is
 * sent): an InvalidRequestError with code VALIDATION_ERROR, the server's code for the same mistakes,
 * and `details.field` naming the field.
 */
export function invalidInput(message: string, field?: string): never {
  throw new InvalidRequestError(message, { code: 'VALIDATION_ERROR', details: { field } });
}

/** The error for a call the caller's signal aborted: the signal's reason is its cause. */
export const abortError = (signal: AbortSignal | undefined): APIUserAbortError => new APIUserAbortError('Request was aborted', { cause: signal?.reason });

const byStatus: Record<number, typeof APIError> = {
  400: BadRequestError,
  401: AuthenticationError,
  403: PermissionDeniedError,
  404: NotFoundError,
  409: ConflictError,
  422: UnprocessableEntityError,
  429: RateLimitError,
};

/** The error class for an HTTP status. */
export function errorClassFor(status: number): typeof APIError {
  return byStatus[status] ?? (status >= 500 ? InternalServerError : APIError);
}
