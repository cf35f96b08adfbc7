import { path, type APIPromise, type RequestOptions, type SmarterClient } from '@smarter/core';
import { kindRequest } from './generation';
import type { Kind, ManifestOf } from './manifests';
import { need } from './validate';

export interface DescribeParams<K extends string = Kind> {
  kind: K;
  /** `metadata.name` of the resource. */
  name: string;
}

/**
 * One resource as its manifest, typed by kind (`describe(client, { kind: 'SqlPlugin', name })` is a
 * `SqlPluginManifest`). A name that does not exist is a `NotFoundError` (the server says 503).
 */
export function describe<K extends string>(client: SmarterClient, params: DescribeParams<K> = {} as DescribeParams<K>, options?: RequestOptions): APIPromise<ManifestOf<K>> {
  const { kind, name } = params;
  return kindRequest<ManifestOf<K>>(client, kind, (k) => ({ method: 'POST', path: path`cli/describe/${k}/`, query: { name }, idempotent: true }), options, () => {
    need(kind, 'kind');
    need(name, 'name');
  });
}
