import { mapResult, type APIPromise, type Client, type RequestOptions } from '@aerostack/core';
import { toUser } from './normalize';
import { bearerRequest } from './project-request';
import type { ProjectUser } from './project-types';
import type { Body, Result } from './spec';

export type UpdateProfileParams = Body<'projectUpdateMe'>;
export type DeleteAvatarResult = Result<'projectDeleteAvatar'>;

/** The signed-in user (`GET /me`, Bearer). Servers answer `{ user }` or a bare user: either way, the user. */
export function getCurrentUser(client: Client, projectSlug: string, accessToken: string, options?: RequestOptions): APIPromise<ProjectUser> {
  return mapResult(bearerRequest(client, projectSlug, accessToken, { method: 'GET', route: '/me' }, options), (r) => toUser(r.data));
}

/** Changes the signed-in user's name, avatar or custom fields (`PATCH /me`, Bearer); gives the updated user. */
export function updateProfile(
  client: Client,
  projectSlug: string,
  accessToken: string,
  params: UpdateProfileParams,
  options?: RequestOptions,
): APIPromise<ProjectUser> {
  return mapResult(bearerRequest(client, projectSlug, accessToken, { method: 'PATCH', route: '/me', body: params }, options), (r) => toUser(r.data));
}

/** Removes the signed-in user's avatar (`DELETE /me/avatar`, Bearer). */
export function deleteAvatar(client: Client, projectSlug: string, accessToken: string, options?: RequestOptions): APIPromise<DeleteAvatarResult> {
  return bearerRequest<DeleteAvatarResult>(client, projectSlug, accessToken, { method: 'DELETE', route: '/me/avatar' }, options);
}
