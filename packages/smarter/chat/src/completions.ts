import { request, path, type APIPromise, type RequestOptions, type SmarterClient } from '@smarter/core';
import type { Body, Schemas } from './spec';
import { checkString, fail } from './validate';

/**
 * An OpenAI Chat Completions request, plus `provider`: the Smarter Provider that answers it
 * (default `openai`). Streaming is not offered.
 */
export type ChatCompletionCreateParams = Body<'promptsPassthrough'> & { provider?: string | undefined };

/** Per-call options, plus `provider` (a `provider` in the params wins). */
export interface ChatCompletionOptions extends RequestOptions {
  provider?: string | undefined;
}

/**
 * An OpenAI `chat.completion`. The platform merges its envelope's `api` and `metadata` into it;
 * they are left there.
 */
export type ChatCompletion = Schemas['ChatCompletion'];

/**
 * Creates a chat completion through the v0.14 provider passthrough
 * (`POST prompts/passthrough/<provider>/`). A write: not retried (Smarter honours no idempotency
 * keys), unless you pass an `idempotencyKey`.
 */
export function createCompletion(client: SmarterClient, params: ChatCompletionCreateParams = {} as ChatCompletionCreateParams, options?: ChatCompletionOptions): APIPromise<ChatCompletion> {
  const { provider = options?.provider ?? 'openai', ...body } = params;
  return request<ChatCompletion>(
    client,
    {
      method: 'POST',
      path: path`prompts/passthrough/${provider}/`,
      body,
      check() {
        checkString(provider, 'provider');
        checkString(body.model, 'model');
        if (!Array.isArray(body.messages) || !body.messages.length) fail('messages', 'a non-empty array of messages');
        if (body.stream) fail('stream', 'not offered; leave it out');
      },
    },
    options,
  );
}

/** `completions.create(client, params)`, as in the OpenAI SDKs. */
export const completions = { create: createCompletion };
