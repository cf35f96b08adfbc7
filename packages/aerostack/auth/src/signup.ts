import type { APIPromise, Client, RequestOptions } from '@aerostack/core';
import type { Body, Result } from './spec';
import { checkEmail, invalidField, rejected } from './validate';

export type SignupParams = Body<'authSignup'>;
export type SignupResult = Result<'authSignup'>;

/** Creates a platform user (201). Sent with the API key. A taken email is a `ConflictError` (409). */
export function signup(client: Client, params: SignupParams, options?: RequestOptions): APIPromise<SignupResult> {
  const bad =
    checkEmail(params.email) ??
    (typeof params.password === 'string' && params.password.length >= 8 ? undefined : invalidField('password', 'password must be at least 8 characters long'));
  if (bad) return rejected(bad);
  return client.post<SignupResult>('/auth/signup', params, options);
}
