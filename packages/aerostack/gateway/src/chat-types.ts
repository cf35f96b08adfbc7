import type { Result, Schemas } from './spec';

export type ChatMessage = Schemas['ChatMessage'];

/** A chat request to a gateway API: the OpenAI-style body plus the API's slug. `stream` is set by the function you call. */
export type ChatCompletionsParams = Omit<Schemas['ChatCompletionRequest'], 'stream'> & {
  /** The gateway API to call. */
  apiSlug: string;
};

export type ChatCompletion = Result<'gatewayChatCompletions'>;
export type ChatCompletionChunk = Schemas['ChatCompletionChunk'];
