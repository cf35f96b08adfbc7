import type { Client } from '@aerostack/core';

/**
 * The URL of a public project-auth route. These live on the host, outside the versioned API:
 * `<host>/api/v1/public/projects/{slug}/auth/<route>`, where host is the client's base URL
 * without its trailing `/v1`. Absolute, so the core uses it as is.
 */
export function projectAuthURL(client: Client, projectSlug: string, route: string): string {
  return client.baseURL.replace(/(\/v1)?\/*$/, '') + '/api/v1/public/projects/' + encodeURIComponent(projectSlug) + '/auth' + route;
}
