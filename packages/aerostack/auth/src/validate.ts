// Checks run before anything is sent. A failure is an InvalidRequestError shaped like the
// server's own 400 (`code: 'VALIDATION_ERROR'`, `details.fieldErrors`), so one handler reads both.
import { APIPromise, InvalidRequestError } from '@aerostack/core';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const OTP_CODE = /^\d{6}$/;

/** The error for one bad field: `message` says what to fix. */
export function invalidField(field: string, message: string): InvalidRequestError {
  return new InvalidRequestError(message, { code: 'VALIDATION_ERROR', details: { fieldErrors: { [field]: [message] } } });
}

/** An operation's answer when its input was refused: a rejected promise, like any failed call. */
export function rejected<T>(error: InvalidRequestError): APIPromise<T> {
  return new APIPromise<T>(Promise.reject(error));
}

/** A non-empty string, or the error naming the field. */
export function requireText(field: string, value: unknown): InvalidRequestError | undefined {
  return typeof value === 'string' && value ? undefined : invalidField(field, `${field} is required`);
}

export function checkEmail(value: unknown, field = 'email'): InvalidRequestError | undefined {
  return typeof value === 'string' && EMAIL.test(value) ? undefined : invalidField(field, `${field} must be an email address`);
}

/** The SDKs' rule for new passwords: at least 8 characters, with an upper-case letter, a lower-case letter and a digit. */
export function checkStrongPassword(value: unknown, field = 'password'): InvalidRequestError | undefined {
  if (typeof value !== 'string' || value.length < 8) return invalidField(field, `${field} must be at least 8 characters long`);
  if (!/[A-Z]/.test(value) || !/[a-z]/.test(value) || !/\d/.test(value)) {
    return invalidField(field, `${field} must contain an upper-case letter, a lower-case letter and a digit`);
  }
  return undefined;
}

export function checkOtpCode(value: unknown): InvalidRequestError | undefined {
  return typeof value === 'string' && OTP_CODE.test(value) ? undefined : invalidField('code', 'code must be the 6 digits sent to you, as a string');
}

/** OTP routes take an email or a phone number. */
export function checkContact(params: { email?: unknown; phone?: unknown }): InvalidRequestError | undefined {
  if (params.email !== undefined) return checkEmail(params.email);
  if (requireText('phone', params.phone)) return invalidField('email', 'pass { email } or { phone }: one of them is required');
  return undefined;
}
