import { mapResult, type APIPromise, type Client, type RequestOptions } from '@aerostack/core';
import { toAuthResult } from './normalize';
import { publicRequest } from './project-request';
import type { ProjectAuthResult } from './project-types';
import type { Body, Result } from './spec';
import { checkContact, checkOtpCode } from './validate';

export type SendOTPParams = Body<'projectSendOtp'>;
export type SendOTPResult = Result<'projectSendOtp'>;
export type VerifyOTPParams = Body<'projectVerifyOtp'>;

/** Sends a one-time code to an email address or a phone number. */
export function sendOTP(client: Client, projectSlug: string, params: SendOTPParams = {} as SendOTPParams, options?: RequestOptions): APIPromise<SendOTPResult> {
  return publicRequest<SendOTPResult>(client, projectSlug, { method: 'POST', route: '/otp/send', body: params, check: () => checkContact(params) }, options);
}

/** Signs in with the 6-digit code sent by `sendOTP`. */
export function verifyOTP(client: Client, projectSlug: string, params: VerifyOTPParams = {} as VerifyOTPParams, options?: RequestOptions): APIPromise<ProjectAuthResult> {
  const check = () => {
    checkContact(params);
    checkOtpCode(params.code);
  };
  return mapResult(publicRequest(client, projectSlug, { method: 'POST', route: '/otp/verify', body: params, check }, options), (r) => toAuthResult(r.data));
}
