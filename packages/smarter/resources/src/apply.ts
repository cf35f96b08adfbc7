import { request } from '@smarter/core';
import type { APIPromise, RequestOptions, SmarterClient } from '@smarter/core';
import { kindRequest } from './generation';
import type { Manifest } from './manifests';
import type { Data } from './spec';
import { fail } from './validate';

export type ApplyResult = Data<'cliApply'>;

/**
 * Creates or updates a resource from its manifest (an upsert by `metadata.name`). An object is sent
 * as JSON, its kind spelled the server's way (`Chatbot` / `LLMClient`); a string is sent as is, as
 * `application/x-yaml` (YAML or JSON text: this package has no YAML parser). Never retried.
 */
export function apply(client: SmarterClient, manifest: Manifest | string, options?: RequestOptions): APIPromise<ApplyResult> {
  const check = () => {
    if (typeof manifest === 'string' ? !manifest.trim() : !(manifest as Partial<Manifest> | null)?.kind) fail('manifest: a manifest object with a kind, or YAML text');
  };
  if (typeof manifest === 'string') return request<ApplyResult>(client, { method: 'POST', path: 'cli/apply/', rawBody: manifest, contentType: 'application/x-yaml', check }, options);
  return kindRequest<ApplyResult>(client, (manifest as Partial<Manifest> | null)?.kind as string, (kind) => ({ method: 'POST', path: 'cli/apply/', body: { ...manifest, kind } }), options, check);
}
