import { mapResult, type APIPromise, type Client, type RequestOptions } from '@aerostack/core';
import { toAuthResult } from './normalize';
import { publicRequest } from './project-request';
import type { ProjectAuthResult } from './project-types';
import type { Body } from './spec';

export type LoginParams = Body<'projectLogin'>;

/** Signs an end user in with email and password. Wrong credentials are an `AuthenticationError` (401). */
export function login(client: Client, projectSlug: string, params: LoginParams = {} as LoginParams, options?: RequestOptions): APIPromise<ProjectAuthResult> {
  return mapResult(publicRequest(client, projectSlug, { method: 'POST', route: '/login', body: params }, options), (r) => toAuthResult(r.data));
}
