import type { ProjectAuthResult, ProjectUser } from './project-types';

/** Fills in `accessToken` from `token` (older servers use that name). */
export function toAuthResult(body: unknown): ProjectAuthResult {
  const b = (body ?? {}) as ProjectAuthResult & { token?: string | undefined };
  return { ...b, accessToken: b.accessToken ?? b.token };
}

/** The user from `{ user }`, or the body itself when the server sent a bare user. */
export function toUser(body: unknown): ProjectUser {
  return (body !== null && typeof body === 'object' && 'user' in body ? body.user : body) as ProjectUser;
}
