import { request, APIPromise, type Generation, type RequestOptions, type RequestSpec, type SmarterClient } from '@smarter/core';

/**
 * Sends a request whose route or words depend on the server generation (`Chatbot` and `cli/chat/`
 * in v0.13, `LLMClient` and `cli/prompt/` in v0.14): resolves it first (the client's `generation`
 * option, or one `cli/whoami/` call the client remembers). `check` runs before anything is sent,
 * whoami included.
 */
export function byGeneration<T>(client: SmarterClient, build: (generation: Generation) => RequestSpec, options: RequestOptions | undefined, check: () => void): APIPromise<T> {
  return new APIPromise(
    Promise.resolve()
      .then(check)
      .then(() => client.generation())
      .then((generation) => request<T>(client, build(generation), options).withResponse()),
  );
}
