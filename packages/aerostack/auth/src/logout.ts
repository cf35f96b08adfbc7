import type { APIPromise, Client, RequestOptions } from '@aerostack/core';
import { bearerRequest } from './project-request';
import type { Body, Result } from './spec';

export type LogoutParams = Body<'projectLogout'>;
export type LogoutResult = Result<'projectLogout'>;

/** Ends a session on the server: sent with `Authorization: Bearer <accessToken>`, and the tokens in the body. */
export function logout(client: Client, projectSlug: string, params: LogoutParams = {} as LogoutParams, options?: RequestOptions): APIPromise<LogoutResult> {
  return bearerRequest<LogoutResult>(client, projectSlug, params.accessToken, { method: 'POST', route: '/logout', body: params }, options);
}
