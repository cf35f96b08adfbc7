import { Client, request, type ClientOptions, type Preset } from '@aerostack/core';
import { journalKey, parseError, unwrap } from './envelope';

const platform = (env: string) => `https://${env}platform.smarter.sh/api/v1/`;

/** The Smarter platform: where it is, how it authenticates, how its answers read. */
export const smarterPreset: Preset = {
  name: 'Smarter',
  baseURL: platform(''),
  environments: {
    prod: platform(''),
    alpha: platform('alpha.'),
    beta: platform('beta.'),
    next: platform('next.'),
    // The platform's own local server (and the emulator) listen here.
    local: 'http://localhost:9357/api/v1/',
  },
  auth: { scheme: 'Token' },
  env: 'SMARTER',
  timeout: 60_000,
  // Smarter honours no idempotency keys: a POST is retried only when the operation marks it a read.
  versionHeader: 'x-smarter-clientversion',
  unwrap,
  requestId: journalKey,
  parseError,
};

/** Which server generation a client talks to: v0.13 says "chatbot" and `cli/chat/`; v0.14 says "LLMClient" and `cli/prompt/`. */
export type Generation = 'v0.13' | 'v0.14';

export interface SmarterClientOptions extends ClientOptions {
  /** The server generation; detected with one `cli/whoami/` call on first need when not given. */
  generation?: Generation | undefined;
}

/** A client for the Smarter API: `new SmarterClient({ apiKey })`, or with `SMARTER_API_KEY` set, `new SmarterClient()`. */
export interface SmarterClient extends Client {
  readonly options: Readonly<SmarterClientOptions>;
  /**
   * The server generation, detected once and remembered: v0.13 envelopes carry `thing` at the top
   * level, v0.14 moved it into `metadata`.
   */
  generation(): Promise<Generation>;
}

export interface SmarterClientConstructor {
  new (options?: SmarterClientOptions): SmarterClient;
}

// An interface and a constant rather than a class (as the core's `APIPromise`): the declared type
// has no private member, so a client made with one copy of @smarter/core is accepted by packages
// typed against another.
export const SmarterClient: SmarterClientConstructor = class extends Client implements SmarterClient {
  declare readonly options: Readonly<SmarterClientOptions>;
  #generation: Promise<Generation> | undefined;

  constructor(options: SmarterClientOptions = {}) {
    super(options, smarterPreset);
    if (options.generation) this.#generation = Promise.resolve(options.generation);
  }

  generation(): Promise<Generation> {
    this.#generation ??= request<unknown>(this, { method: 'POST', path: 'cli/whoami/', idempotent: true })
      .withResponse()
      .then(({ body }): Generation => (typeof body === 'object' && body !== null && 'thing' in body ? 'v0.13' : 'v0.14'));
    // A failed detection is not remembered: the next call tries again.
    this.#generation.catch(() => (this.#generation = undefined));
    return this.#generation;
  }
};
