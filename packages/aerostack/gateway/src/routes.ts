import { path, type Client } from '@aerostack/core';

/**
 * Where the consumer routes are. `'v1'` (default, the spec's): under the base URL,
 * `/ai/gateway/...`. `'host'`: the host-rooted `<host>/api/gateway/...` that the platform's own
 * hand-written clients call (host = base URL without its trailing `/v1`).
 */
export type PathStyle = 'v1' | 'host';

function host(client: Client): string {
  return client.baseURL.replace(/\/+$/, '').replace(/\/v1$/, '');
}

export function chatCompletionsPath(client: Client, apiSlug: string, style: PathStyle = 'v1'): string {
  return style === 'host' ? host(client) + path`/api/gateway/${apiSlug}/v1/chat/completions` : path`/ai/gateway/${apiSlug}/chat/completions`;
}

/** `me/wallet` or `me/usage` of the calling consumer. */
export function consumerPath(client: Client, what: 'wallet' | 'usage', style: PathStyle = 'v1'): string {
  return (style === 'host' ? host(client) + '/api/gateway/me/' : '/ai/gateway/me/') + what;
}
