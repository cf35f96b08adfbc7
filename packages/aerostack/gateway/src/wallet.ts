import type { APIPromise, Client } from '@aerostack/core';
import { consumerAuth, missingConsumerKey, SLUG_HINT, type ConsumerRequestOptions } from './consumer';
import { consumerPath } from './routes';
import type { Result } from './spec';
import { rejected, requireText } from './validate';

export interface WalletParams {
  /** The gateway API whose wallet to read. */
  apiSlug: string;
}
export type WalletResult = Result<'gatewayWallet'>;

/** The calling consumer's wallet for a gateway API (`GET .../me/wallet?api_slug=`, Bearer). */
export function getWallet(client: Client, params: WalletParams, options?: ConsumerRequestOptions): APIPromise<WalletResult> {
  const bad = missingConsumerKey(options) ?? requireText('apiSlug', params.apiSlug, SLUG_HINT);
  if (bad) return rejected(bad);
  return client.request<WalletResult>(
    { method: 'GET', path: consumerPath(client, 'wallet', options?.pathStyle), query: { api_slug: params.apiSlug }, auth: consumerAuth(options) },
    options,
  );
}
