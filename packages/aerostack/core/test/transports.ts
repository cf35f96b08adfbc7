// Shared by the transport suites: every case runs once per transport, against a real local
// server. Importing the node entry installs the node:http transport, as the `node` export
// condition does for apps; each client then names its transport.

import { afterAll, beforeAll } from 'vitest';
import { AerostackClient, Client, type ClientOptions, type Preset, type Transport } from '../src/node';
import { startServer, type LocalServer } from './local-server';

export const TRANSPORTS: Transport[] = ['fetch', 'node'];
export const KEY = 'ak_test_transport_key';

/** A local server for the file: started before its tests, closed after. */
export function useServer(): { readonly server: LocalServer } {
  const holder = {} as { server: LocalServer };
  beforeAll(async () => {
    holder.server = await startServer();
  });
  afterAll(() => holder.server.close());
  return holder;
}

/** An Aerostack client for the server, with short retry waits. */
export function aerostack(server: LocalServer, transport: Transport, options: ClientOptions = {}): AerostackClient {
  return new AerostackClient({ apiKey: KEY, baseURL: `${server.url}/v1`, transport, logLevel: 'off', retry: { initialDelay: 10, maxDelay: 40 }, ...options });
}

/** A platform without idempotency keys (as Smarter): its POSTs are not retried unless given a key. */
const plainPreset: Preset = { name: 'Plain', baseURL: 'http://unused.test', auth: { scheme: 'Token' } };

export function plain(server: LocalServer, transport: Transport, options: ClientOptions = {}): Client {
  return new Client({ apiKey: KEY, baseURL: `${server.url}/v1`, transport, logLevel: 'off', retry: { initialDelay: 10, maxDelay: 40 }, ...options }, plainPreset);
}
