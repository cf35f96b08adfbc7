import type { APIPromise, Client, RequestOptions } from '@aerostack/core';
import { publicRequest } from './project-request';
import type { Body, Result } from './spec';
import { checkEmail, requireText } from './validate';

export interface VerifyEmailParams {
  /** The token from the link in the verification email. */
  token: string;
}
export type VerifyEmailResult = Result<'projectVerifyEmail'>;
export type ResendVerificationParams = Body<'projectResendVerification'>;
export type ResendVerificationResult = Result<'projectResendVerification'>;

/** Confirms an email address with the token of the verification link (`GET /verify-email?token=`). */
export function verifyEmail(client: Client, projectSlug: string, params: VerifyEmailParams = {} as VerifyEmailParams, options?: RequestOptions): APIPromise<VerifyEmailResult> {
  const check = () => requireText('token', params.token);
  return publicRequest<VerifyEmailResult>(client, projectSlug, { method: 'GET', route: '/verify-email', query: { token: params.token }, check }, options);
}

/** Sends the verification email again. */
export function resendVerificationEmail(
  client: Client,
  projectSlug: string,
  params: ResendVerificationParams = {} as ResendVerificationParams,
  options?: RequestOptions,
): APIPromise<ResendVerificationResult> {
  const check = () => checkEmail(params.email);
  return publicRequest<ResendVerificationResult>(client, projectSlug, { method: 'POST', route: '/resend-verification', body: params, check }, options);
}
