import { request } from '@aerostack/core';
import type { APIPromise, Client, QueryValue, RequestOptions } from '@aerostack/core';
import { projectAuthURL } from './project-url';
import { requireText } from './validate';

export interface ProjectRoute {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  /** After `/auth`: `/login`, `/me/avatar`, ... */
  route: string;
  body?: unknown;
  query?: Record<string, QueryValue>;
  /** The operation's own input checks, run before anything is sent. */
  check?: (() => void) | undefined;
}

// An empty projectSlug is not refused here: the server answers it (an unknown project).
/** A public project-auth route: no credentials at all (never the API key). */
export function publicRequest<T>(client: Client, projectSlug: string, spec: ProjectRoute, options?: RequestOptions): APIPromise<T> {
  return request<T>(client, { ...spec, path: projectAuthURL(client, projectSlug, spec.route), auth: false }, options);
}

/** A route of the signed-in user: `Authorization: Bearer <accessToken>`, and never the API key. */
export function bearerRequest<T>(client: Client, projectSlug: string, accessToken: string, spec: ProjectRoute, options?: RequestOptions): APIPromise<T> {
  const check = () => {
    requireText('accessToken', accessToken);
    spec.check?.();
  };
  return request<T>(client, { ...spec, path: projectAuthURL(client, projectSlug, spec.route), auth: () => ({ authorization: `Bearer ${accessToken}` }), check }, options);
}
