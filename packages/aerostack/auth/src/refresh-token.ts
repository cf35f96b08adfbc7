import { mapResult, type APIPromise, type Client, type RequestOptions } from '@aerostack/core';
import { toAuthResult } from './normalize';
import { publicRequest } from './project-request';
import type { ProjectAuthResult } from './project-types';
import type { Body } from './spec';
import { requireText } from './validate';

export type RefreshTokenParams = Body<'projectRefresh'>;

/** Trades a refresh token for a new access token (and usually a new refresh token). */
export function refreshToken(client: Client, projectSlug: string, params: RefreshTokenParams = {} as RefreshTokenParams, options?: RequestOptions): APIPromise<ProjectAuthResult> {
  const check = () => requireText('refreshToken', params.refreshToken);
  return mapResult(publicRequest(client, projectSlug, { method: 'POST', route: '/refresh', body: params, check }, options), (r) => toAuthResult(r.data));
}
