import { exampleManifestRoute, type APIPromise, type RequestOptions, type SmarterClient } from '@smarter/core';
import { byGeneration } from './generation';
import { kindFor } from './kinds';
import type { Kind, ManifestOf } from './manifests';
import { need } from './validate';

export interface KindParams<K extends string = Kind> {
  kind: K;
}

/** An example manifest of a kind, to start from. Needs no API key. */
export function exampleManifest<K extends string>(client: SmarterClient, params: KindParams<K> = {} as KindParams<K>, options?: RequestOptions): APIPromise<ManifestOf<K>> {
  const { kind } = params;
  return byGeneration<ManifestOf<K>>(
    client,
    (generation) => ({ method: 'POST', path: exampleManifestRoute(generation, kindFor(kind, generation)), auth: false, idempotent: true }),
    options,
    () => need(kind, 'kind'),
  );
}
