import { request } from '@aerostack/core';
import type { APIPromise, Client, RequestOptions } from '@aerostack/core';
import type { Body, Result } from './spec';
import { checkEmail, fail } from './validate';

export type SignupParams = Body<'authSignup'>;
export type SignupResult = Result<'authSignup'>;

/** Creates a platform user (201). Sent with the API key. A taken email is a `ConflictError` (409). */
export function signup(client: Client, params: SignupParams = {} as SignupParams, options?: RequestOptions): APIPromise<SignupResult> {
  const check = () => {
    checkEmail(params.email);
    if (typeof params.password !== 'string' || params.password.length < 8) fail('password must be at least 8 characters long', 'password');
  };
  return request<SignupResult>(client, { method: 'POST', path: '/auth/signup', body: params, check }, options);
}
