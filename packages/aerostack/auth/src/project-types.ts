import type { Schemas } from './spec';

/** A user of a project (end user of your app). */
export type ProjectUser = Schemas['ProjectUser'];

/**
 * What register, login, verifyOTP and refreshToken answer. Servers name the access token
 * `accessToken` or `token`; `accessToken` is always filled in from whichever came.
 */
export type ProjectAuthResult = Schemas['ProjectAuthResponse'] & { accessToken?: string | undefined };

