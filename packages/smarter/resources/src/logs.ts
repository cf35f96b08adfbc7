import { path, type APIPromise, type RequestOptions, type SmarterClient } from '@smarter/core';
import { kindRequest } from './generation';
import type { Kind } from './manifests';
import type { Data } from './spec';
import { need } from './validate';

export interface LogsParams {
  kind: Kind;
  name: string;
}

export type LogsResult = Data<'cliLogs'>;

/** A resource's logs (kind-specific; `{}` for a chatbot). 501 for kinds without logs. */
export function logs(client: SmarterClient, params: LogsParams = {} as LogsParams, options?: RequestOptions): APIPromise<LogsResult> {
  const { kind, name } = params;
  return kindRequest<LogsResult>(client, kind, (k) => ({ method: 'POST', path: path`cli/logs/${k}/`, query: { name }, idempotent: true }), options, () => {
    need(kind, 'kind');
    need(name, 'name');
  });
}
