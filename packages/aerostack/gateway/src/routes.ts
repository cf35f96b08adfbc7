import type { Client } from '@aerostack/core';
import type { ConsumerRequestOptions } from './consumer';

/**
 * Where the consumer routes are. `'v1'` (default, the spec's): under the base URL,
 * `/ai/gateway/...`. `'host'`: the host-rooted `<host>/api/gateway/...` that the platform's own
 * hand-written clients call (host = base URL without its trailing `/v1`).
 */
export type PathStyle = 'v1' | 'host';

function host(client: Client): string {
  return client.baseURL.replace(/(\/v1)?\/*$/, '');
}

export function chatCompletionsPath(client: Client, apiSlug: string, options?: ConsumerRequestOptions): string {
  const slug = encodeURIComponent(apiSlug);
  return (options?.pathStyle === 'host' ? host(client) + '/api/gateway/' + slug + '/v1' : '/ai/gateway/' + slug) + '/chat/completions';
}

/** `me/wallet` or `me/usage` of the calling consumer. */
export function consumerPath(client: Client, what: 'wallet' | 'usage', options?: ConsumerRequestOptions): string {
  return (options?.pathStyle === 'host' ? host(client) + '/api' : '/ai') + '/gateway/me/' + what;
}
