import { APIPromise, chatbotKind, path, type RequestOptions, type SmarterClient } from '@smarter/core';
import { byGeneration } from './generation';
import type { Data } from './spec';
import type { ChatbotSummary } from './types';

/** Your chatbots (up to 1000, ordered by name; the server does not paginate). */
export function list(client: SmarterClient, options?: RequestOptions): APIPromise<ChatbotSummary[]> {
  const call = byGeneration<Data<'cliGet'>>(client, (generation) => ({ method: 'POST', path: path`cli/get/${chatbotKind(generation)}/`, idempotent: true }), options, () => undefined);
  return new APIPromise(call.withResponse().then((r) => ({ ...r, data: r.data.data.items as ChatbotSummary[] })));
}
