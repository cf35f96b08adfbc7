import { schemaRoute, type APIPromise, type RequestOptions, type SmarterClient } from '@smarter/core';
import type { KindParams } from './example-manifest';
import { byGeneration } from './generation';
import { kindFor } from './kinds';
import type { Data } from './spec';
import { need } from './validate';

export type JsonSchemaResult = Data<'cliSchema'>;

/** The JSON Schema of a kind's manifest. Needs no API key. */
export function jsonSchema(client: SmarterClient, params: KindParams = {} as KindParams, options?: RequestOptions): APIPromise<JsonSchemaResult> {
  const { kind } = params;
  return byGeneration<JsonSchemaResult>(
    client,
    (generation) => ({ method: 'POST', path: schemaRoute(generation, kindFor(kind, generation)), auth: false, idempotent: true }),
    options,
    () => need(kind, 'kind'),
  );
}
