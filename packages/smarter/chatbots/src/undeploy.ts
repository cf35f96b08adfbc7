import { chatbotKind, path, type APIPromise, type RequestOptions, type SmarterClient } from '@smarter/core';
import type { NameParams } from './describe';
import { byGeneration } from './generation';
import { need } from './validate';

/** Undeploys a chatbot (`deployed` becomes false). Never retried. */
export function undeploy(client: SmarterClient, params: NameParams = {} as NameParams, options?: RequestOptions): APIPromise<void> {
  const { name } = params;
  return byGeneration<undefined>(
    client,
    (generation) => ({ method: 'POST', path: path`cli/undeploy/${chatbotKind(generation)}/`, query: { name } }),
    options,
    () => need(name, 'name'),
  );
}
