import { path, type APIPromise, type RequestOptions, type SmarterClient } from '@smarter/core';
import { kindRequest } from './generation';
import type { Kind } from './manifests';
import { need } from './validate';

export interface DeployParams {
  kind: Kind;
  name: string;
}

/** Deploys a resource (a chatbot: `deployed` becomes true). 501 for kinds that cannot be deployed. Never retried. */
export function deploy(client: SmarterClient, params: DeployParams = {} as DeployParams, options?: RequestOptions): APIPromise<void> {
  const { kind, name } = params;
  return kindRequest<undefined>(client, kind, (k) => ({ method: 'POST', path: path`cli/deploy/${k}/`, query: { name } }), options, () => {
    need(kind, 'kind');
    need(name, 'name');
  });
}
