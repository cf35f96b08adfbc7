import { request, APIPromise, type Generation, type RequestOptions, type RequestSpec, type SmarterClient } from '@smarter/core';
import { renamed } from './kinds';

/**
 * Sends a request whose route or words depend on the server generation: resolves it first (the
 * client's `generation` option, or one `cli/whoami/` call the client remembers). `check` runs
 * before anything is sent, whoami included.
 */
export function byGeneration<T>(client: SmarterClient, build: (generation: Generation) => RequestSpec, options?: RequestOptions, check?: () => void): APIPromise<T> {
  return new APIPromise(
    Promise.resolve()
      .then(check)
      .then(() => client.generation())
      .then((generation) => request<T>(client, build(generation), options).withResponse()),
  );
}

/**
 * A request about a kind. A kind renamed between the generations (Chatbot / LLMClient, ...) is
 * spelled the server's way, which needs the generation; any other kind is sent as given, at once.
 */
export function kindRequest<T>(client: SmarterClient, kind: string, build: (kind: string) => RequestSpec, options: RequestOptions | undefined, check: () => void): APIPromise<T> {
  const pair = typeof kind === 'string' ? renamed(kind) : undefined;
  return pair
    ? byGeneration<T>(client, (generation) => build(pair[generation === 'v0.13' ? 0 : 1]), options, check)
    : request<T>(client, { ...build(kind), check }, options);
}
