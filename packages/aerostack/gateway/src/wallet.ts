import { request } from '@aerostack/core';
import type { APIPromise, Client } from '@aerostack/core';
import { consumerAuth, type ConsumerRequestOptions } from './consumer';
import { consumerPath } from './routes';
import type { Result } from './spec';
import { requireText } from './validate';

export interface WalletParams {
  /** The gateway API whose wallet to read. */
  apiSlug: string;
}
export type WalletResult = Result<'gatewayWallet'>;

/** The calling consumer's wallet for a gateway API (`GET .../me/wallet?api_slug=`, Bearer). */
export function getWallet(client: Client, params: WalletParams = {} as WalletParams, options?: ConsumerRequestOptions): APIPromise<WalletResult> {
  return request<WalletResult>(
    client,
    {
      method: 'GET',
      path: consumerPath(client, 'wallet', options),
      query: { api_slug: params.apiSlug },
      auth: consumerAuth(options),
      check: () => requireText('apiSlug', params.apiSlug),
    },
    options,
  );
}
