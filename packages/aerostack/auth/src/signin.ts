import { request } from '@aerostack/core';
import type { APIPromise, Client, RequestOptions } from '@aerostack/core';
import type { Body, Result } from './spec';
import { checkEmail, requireText } from './validate';

export type SigninParams = Body<'authSignin'>;
export type SigninResult = Result<'authSignin'>;

/** Signs a platform user in. Sent with the API key. Wrong credentials are an `AuthenticationError` (401). */
export function signin(client: Client, params: SigninParams = {} as SigninParams, options?: RequestOptions): APIPromise<SigninResult> {
  const check = () => {
    checkEmail(params.email);
    requireText('password', params.password);
  };
  return request<SigninResult>(client, { method: 'POST', path: '/auth/signin', body: params, check }, options);
}
