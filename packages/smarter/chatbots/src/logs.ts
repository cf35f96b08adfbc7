import { chatbotKind, path, type APIPromise, type RequestOptions, type SmarterClient } from '@smarter/core';
import type { NameParams } from './describe';
import { byGeneration } from './generation';
import type { Data } from './spec';
import { need } from './validate';

export type LogsResult = Data<'cliLogs'>;

/** A chatbot's logs (the server sends `{}` for now). */
export function logs(client: SmarterClient, params: NameParams = {} as NameParams, options?: RequestOptions): APIPromise<LogsResult> {
  const { name } = params;
  return byGeneration<LogsResult>(
    client,
    (generation) => ({ method: 'POST', path: path`cli/logs/${chatbotKind(generation)}/`, query: { name }, idempotent: true }),
    options,
    () => need(name, 'name'),
  );
}
