import { APIPromise, mapResult, type Client, type RequestOptions } from '@aerostack/core';
import { resendVerificationEmail, verifyEmail, type ResendVerificationParams, type ResendVerificationResult, type VerifyEmailParams, type VerifyEmailResult } from './email-verification';
import { login, type LoginParams } from './login';
import { logout, type LogoutResult } from './logout';
import { deleteAvatar, getCurrentUser, updateProfile, type DeleteAvatarResult, type UpdateProfileParams } from './me';
import { sendOTP, verifyOTP, type SendOTPParams, type SendOTPResult, type VerifyOTPParams } from './otp';
import {
  requestPasswordReset,
  resetPassword,
  type RequestPasswordResetParams,
  type RequestPasswordResetResult,
  type ResetPasswordParams,
  type ResetPasswordResult,
} from './password-reset';
import type { ProjectAuthResult, ProjectUser } from './project-types';
import { register, type RegisterParams } from './register';
import { Session, type SessionTokens } from './session';
import type { TokenStore } from './token-store';

export interface ProjectAuthOptions {
  /** Where the session keeps its tokens. Default: in memory. */
  storage?: TokenStore | undefined;
  /** A session to share (with another facade, say); made from `storage` when not given. */
  session?: Session | undefined;
}

/**
 * The auth flows of one project, for the end users of your app, with a session that keeps their
 * tokens: `register`, `login` and `verifyOTP` sign in; the profile calls use the stored token and
 * refresh it once on 401.
 */
export class ProjectAuth {
  readonly session: Session;

  constructor(
    readonly client: Client,
    readonly projectSlug: string,
    options: ProjectAuthOptions = {},
  ) {
    this.session = options.session ?? new Session({ client, projectSlug, storage: options.storage });
  }

  /** Registers; keeps the tokens when the answer has them (not when the email needs verifying first). */
  register(params: RegisterParams, options?: RequestOptions): APIPromise<ProjectAuthResult> {
    return this.#keep(register(this.client, this.projectSlug, params, options));
  }

  login(params: LoginParams, options?: RequestOptions): APIPromise<ProjectAuthResult> {
    return this.#keep(login(this.client, this.projectSlug, params, options));
  }

  sendOTP(params: SendOTPParams, options?: RequestOptions): APIPromise<SendOTPResult> {
    return sendOTP(this.client, this.projectSlug, params, options);
  }

  verifyOTP(params: VerifyOTPParams, options?: RequestOptions): APIPromise<ProjectAuthResult> {
    return this.#keep(verifyOTP(this.client, this.projectSlug, params, options));
  }

  verifyEmail(params: VerifyEmailParams, options?: RequestOptions): APIPromise<VerifyEmailResult> {
    return verifyEmail(this.client, this.projectSlug, params, options);
  }

  resendVerificationEmail(params: ResendVerificationParams, options?: RequestOptions): APIPromise<ResendVerificationResult> {
    return resendVerificationEmail(this.client, this.projectSlug, params, options);
  }

  requestPasswordReset(params: RequestPasswordResetParams, options?: RequestOptions): APIPromise<RequestPasswordResetResult> {
    return requestPasswordReset(this.client, this.projectSlug, params, options);
  }

  resetPassword(params: ResetPasswordParams, options?: RequestOptions): APIPromise<ResetPasswordResult> {
    return resetPassword(this.client, this.projectSlug, params, options);
  }

  /** Refreshes the stored tokens now (calls that get a 401 do it by themselves). */
  refreshToken(options?: RequestOptions): Promise<SessionTokens> {
    return this.session.refresh(options);
  }

  /** Logs out on the server and forgets the tokens (even if the server call fails). Nothing to do when signed out. */
  async logout(options?: RequestOptions): Promise<LogoutResult | undefined> {
    const tokens = await this.session.getTokens();
    if (!tokens) return undefined;
    try {
      return await logout(this.client, this.projectSlug, { accessToken: tokens.accessToken, refreshToken: tokens.refreshToken }, options);
    } finally {
      await this.session.clear();
    }
  }

  getCurrentUser(options?: RequestOptions): APIPromise<ProjectUser> {
    return this.#authed((token) => getCurrentUser(this.client, this.projectSlug, token, options));
  }

  updateProfile(params: UpdateProfileParams, options?: RequestOptions): APIPromise<ProjectUser> {
    return this.#authed((token) => updateProfile(this.client, this.projectSlug, token, params, options));
  }

  deleteAvatar(options?: RequestOptions): APIPromise<DeleteAvatarResult> {
    return this.#authed((token) => deleteAvatar(this.client, this.projectSlug, token, options));
  }

  /** `{ authorization: 'Bearer <accessToken>' }` for calls made elsewhere. */
  authHeaders(): Promise<Record<string, string>> {
    return this.session.authHeaders();
  }

  #keep(call: APIPromise<ProjectAuthResult>): APIPromise<ProjectAuthResult> {
    return mapResult(call, async ({ data }) => {
      if (data.accessToken) await this.session.setTokens({ accessToken: data.accessToken, refreshToken: data.refreshToken });
      return data;
    });
  }

  #authed<T>(call: (accessToken: string) => APIPromise<T>): APIPromise<T> {
    return new APIPromise(this.session.withToken((token) => call(token).withResponse()));
  }
}
