import { Client, type ClientOptions, type Preset } from '../src';
// Relative, not the package: @aerostack-internal/test-utils depends on this package.
export { json, rejection, scriptedFetch, type Reply, type SentRequest } from '../../../../tooling/test-utils/src/fetch';

/** A platform like Smarter: no idempotency keys, so POSTs are not retried. */
export const plainPreset: Preset = {
  name: 'Plain',
  baseURL: 'https://plain.test/api/v1/',
  auth: { scheme: 'Token' },
  env: 'PLAIN',
};

export function plainClient(options: ClientOptions = {}): Client {
  return new Client({ apiKey: 'plain-key', ...options }, plainPreset);
}

/** Lets pending promise callbacks run. */
export const tick = () => new Promise<void>((r) => setImmediate(r));
