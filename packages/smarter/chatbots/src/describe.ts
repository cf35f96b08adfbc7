import { chatbotKind, path, type APIPromise, type RequestOptions, type SmarterClient } from '@smarter/core';
import { byGeneration } from './generation';
import type { ChatbotManifest } from './types';
import { need } from './validate';

export interface NameParams {
  /** The chatbot's name (`metadata.name`). */
  name: string;
}

/** A chatbot's manifest. A name that does not exist is a `NotFoundError` (the server says 503). */
export function describe(client: SmarterClient, params: NameParams = {} as NameParams, options?: RequestOptions): APIPromise<ChatbotManifest> {
  const { name } = params;
  return byGeneration<ChatbotManifest>(
    client,
    (generation) => ({ method: 'POST', path: path`cli/describe/${chatbotKind(generation)}/`, query: { name }, idempotent: true }),
    options,
    () => need(name, 'name'),
  );
}
