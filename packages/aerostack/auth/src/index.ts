export { VERSION } from './version';

// Platform users (API key).
export { signup, type SignupParams, type SignupResult } from './signup';
export { signin, type SigninParams, type SigninResult } from './signin';
export { Auth } from './auth';

// Project auth for the end users of an app (public routes, no API key).
export type { ProjectAuthResult, ProjectUser } from './project-types';
export { register, type RegisterParams } from './register';
export { login, type LoginParams } from './login';
export { sendOTP, verifyOTP, type SendOTPParams, type SendOTPResult, type VerifyOTPParams } from './otp';
export {
  verifyEmail,
  resendVerificationEmail,
  type VerifyEmailParams,
  type VerifyEmailResult,
  type ResendVerificationParams,
  type ResendVerificationResult,
} from './email-verification';
export {
  requestPasswordReset,
  resetPassword,
  type RequestPasswordResetParams,
  type RequestPasswordResetResult,
  type ResetPasswordParams,
  type ResetPasswordResult,
} from './password-reset';
export { refreshToken, type RefreshTokenParams } from './refresh-token';
export { logout, type LogoutParams, type LogoutResult } from './logout';
export { getCurrentUser, updateProfile, deleteAvatar, type UpdateProfileParams, type DeleteAvatarResult } from './me';
export { projectAuthURL } from './project-url';

// Sessions: tokens kept, refreshed once on 401.
export { Session, createSession, type SessionOptions, type SessionTokens } from './session';
export { memoryStore, type TokenStore } from './token-store';
export { ProjectAuth, type ProjectAuthOptions } from './project-auth';
