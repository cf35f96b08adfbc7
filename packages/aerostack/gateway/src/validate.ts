import { APIPromise, InvalidRequestError } from '@aerostack/core';

/** The error for one bad field, shaped like the server's 400 (`VALIDATION_ERROR`, `details.fieldErrors`). */
export function invalidField(field: string, message: string): InvalidRequestError {
  return new InvalidRequestError(message, { code: 'VALIDATION_ERROR', details: { fieldErrors: { [field]: [message] } } });
}

/** An operation's answer when its input was refused before sending: a rejected promise, like any failed call. */
export function rejected<T>(error: InvalidRequestError): APIPromise<T> {
  return new APIPromise<T>(Promise.reject(error));
}

/** A non-empty string, or the error naming the field. */
export function requireText(field: string, value: unknown, hint = ''): InvalidRequestError | undefined {
  return typeof value === 'string' && value ? undefined : invalidField(field, `${field} is required${hint}`);
}
