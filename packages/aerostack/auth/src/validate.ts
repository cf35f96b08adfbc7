// Checks run inside the call, before anything is sent (the core's `RequestSpec.check`): each throws
// an InvalidRequestError (`code: 'VALIDATION_ERROR'`, `details.field`) saying what to fix, and the
// call's promise rejects with it.
/** The core's `invalidInput`: throws a VALIDATION_ERROR naming the field. */
import { invalidInput as fail } from '@aerostack/core';

export { fail };

/** A non-empty string. */
export function requireText(field: string, value: unknown): void {
  if (typeof value !== 'string' || !value) fail(`${field} is required`, field);
}

export function checkEmail(value: unknown, field = 'email'): void {
  if (typeof value !== 'string' || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value)) fail(`${field} must be an email address`, field);
}

/** The SDKs' rule for new passwords: at least 8 characters, with an upper-case letter, a lower-case letter and a digit. */
export function checkStrongPassword(value: unknown, field = 'password'): void {
  if (typeof value !== 'string' || value.length < 8) fail(`${field} must be at least 8 characters long`, field);
  if (!/[A-Z]/.test(value) || !/[a-z]/.test(value) || !/\d/.test(value)) fail(`${field} must contain an upper-case letter, a lower-case letter and a digit`, field);
}

export function checkOtpCode(value: unknown): void {
  if (typeof value !== 'string' || !/^\d{6}$/.test(value)) fail('code must be the 6 digits sent to you, as a string', 'code');
}

/** OTP routes take an email or a phone number. */
export function checkContact(params: { email?: unknown; phone?: unknown }): void {
  if (params.email !== undefined) checkEmail(params.email);
  else if (typeof params.phone !== 'string' || !params.phone) fail('pass { email } or { phone }: one of them is required', 'email');
}
