import type { APIPromise, Client, RequestOptions } from '@aerostack/core';
import { publicRequest } from './project-request';
import type { Body, Result } from './spec';
import { checkEmail, checkStrongPassword, requireText } from './validate';

export type RequestPasswordResetParams = Body<'projectRequestPasswordReset'>;
export type RequestPasswordResetResult = Result<'projectRequestPasswordReset'>;
export type ResetPasswordParams = Body<'projectResetPassword'>;
export type ResetPasswordResult = Result<'projectResetPassword'>;

/** Emails the user a password-reset link. */
export function requestPasswordReset(
  client: Client,
  projectSlug: string,
  params: RequestPasswordResetParams = {} as RequestPasswordResetParams,
  options?: RequestOptions,
): APIPromise<RequestPasswordResetResult> {
  const check = () => checkEmail(params.email);
  return publicRequest<RequestPasswordResetResult>(client, projectSlug, { method: 'POST', route: '/reset-password-request', body: params, check }, options);
}

/** Sets a new password with the token from the reset link. */
export function resetPassword(client: Client, projectSlug: string, params: ResetPasswordParams = {} as ResetPasswordParams, options?: RequestOptions): APIPromise<ResetPasswordResult> {
  const check = () => {
    requireText('token', params.token);
    checkStrongPassword(params.newPassword, 'newPassword');
  };
  return publicRequest<ResetPasswordResult>(client, projectSlug, { method: 'POST', route: '/reset-password', body: params, check }, options);
}
