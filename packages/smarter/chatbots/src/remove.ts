import { chatbotKind, path, type APIPromise, type RequestOptions, type SmarterClient } from '@smarter/core';
import type { NameParams } from './describe';
import { byGeneration } from './generation';
import { need } from './validate';

/** Deletes a chatbot (the class calls it `delete`). A name that does not exist is a `NotFoundError`. Never retried. */
export function remove(client: SmarterClient, params: NameParams = {} as NameParams, options?: RequestOptions): APIPromise<void> {
  const { name } = params;
  return byGeneration<undefined>(
    client,
    (generation) => ({ method: 'POST', path: path`cli/delete/${chatbotKind(generation)}/`, query: { name } }),
    options,
    () => need(name, 'name'),
  );
}
