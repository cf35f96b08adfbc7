import { mapResult, type APIPromise, type Client, type RequestOptions } from '@aerostack/core';
import { toAuthResult } from './normalize';
import { publicRequest } from './project-request';
import type { ProjectAuthResult } from './project-types';
import type { Body } from './spec';
import { checkEmail, checkStrongPassword } from './validate';

export type RegisterParams = Body<'projectRegister'>;

/**
 * Registers an end user of a project. The answer may carry tokens, or `requiresVerification: true`
 * and none (the user must confirm the email first). A taken email is a `ConflictError` (409).
 */
export function register(client: Client, projectSlug: string, params: RegisterParams = {} as RegisterParams, options?: RequestOptions): APIPromise<ProjectAuthResult> {
  const check = () => {
    checkEmail(params.email);
    checkStrongPassword(params.password);
  };
  return mapResult(publicRequest(client, projectSlug, { method: 'POST', route: '/register', body: params, check }, options), (r) => toAuthResult(r.data));
}
