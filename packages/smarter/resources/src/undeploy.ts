import { path, type APIPromise, type RequestOptions, type SmarterClient } from '@smarter/core';
import { kindRequest } from './generation';
import type { Kind } from './manifests';
import { need } from './validate';

export interface UndeployParams {
  kind: Kind;
  name: string;
}

/** Undeploys a resource (a chatbot: `deployed` becomes false). 501 for kinds that cannot be deployed. Never retried. */
export function undeploy(client: SmarterClient, params: UndeployParams = {} as UndeployParams, options?: RequestOptions): APIPromise<void> {
  const { kind, name } = params;
  return kindRequest<undefined>(client, kind, (k) => ({ method: 'POST', path: path`cli/undeploy/${k}/`, query: { name } }), options, () => {
    need(kind, 'kind');
    need(name, 'name');
  });
}
