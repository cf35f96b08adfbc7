import { path, type APIPromise, type RequestOptions, type SmarterClient } from '@smarter/core';
import { kindRequest } from './generation';
import type { Kind } from './manifests';
import type { Data } from './spec';
import { need } from './validate';

export interface GetParams {
  kind: Kind;
  /** Only the resource of this name. */
  name?: string | undefined;
}

export type GetResult = Data<'cliGet'>;

/**
 * The resources of a kind: `data.items` (camelCase records), `data.titles` and `metadata.count`.
 * Up to 1000, ordered by name; the server does not paginate.
 */
export function get(client: SmarterClient, params: GetParams = {} as GetParams, options?: RequestOptions): APIPromise<GetResult> {
  const { kind, name } = params;
  return kindRequest<GetResult>(client, kind, (k) => ({ method: 'POST', path: path`cli/get/${k}/`, query: { name }, idempotent: true }), options, () => need(kind, 'kind'));
}
