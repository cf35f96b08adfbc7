import { chatbotKind, path, type APIPromise, type RequestOptions, type SmarterClient } from '@smarter/core';
import type { NameParams } from './describe';
import { byGeneration } from './generation';
import { need } from './validate';

/** Deploys a chatbot (`deployed` becomes true). Never retried. */
export function deploy(client: SmarterClient, params: NameParams = {} as NameParams, options?: RequestOptions): APIPromise<void> {
  const { name } = params;
  return byGeneration<undefined>(
    client,
    (generation) => ({ method: 'POST', path: path`cli/deploy/${chatbotKind(generation)}/`, query: { name } }),
    options,
    () => need(name, 'name'),
  );
}
