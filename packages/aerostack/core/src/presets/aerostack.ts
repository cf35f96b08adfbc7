import { Client } from '../client';
import type { ClientOptions, Preset } from '../types';

/** The Aerostack platform: where it is, how it authenticates, what it reads from the environment. */
export const aerostackPreset: Preset = {
  name: 'Aerostack',
  baseURL: 'https://api.aerostack.dev/v1',
  environments: {
    production: 'https://api.aerostack.dev/v1',
    local: 'http://localhost:8787/v1',
  },
  auth: { header: 'x-aerostack-key' },
  env: 'AEROSTACK',
  idempotencyHeader: 'idempotency-key',
  // Error bodies are `{code, message, details}` (and `{error}` on older routes): the default reader handles both.
};

/** A client for the Aerostack API: `new AerostackClient({ apiKey })`, or with `AEROSTACK_API_KEY` set, `new AerostackClient()`. */
export class AerostackClient extends Client {
  constructor(options: ClientOptions = {}) {
    super(options, aerostackPreset);
  }
}
