import type { Result, Schemas } from './spec';

/**
 * A chat request to a gateway API: the OpenAI-style body (`messages`, `tools`, `tool_choice`, `response_format`, `n`, ...)
 * plus the API's slug. `stream` is set by the function you call.
 */
export type ChatCompletionsParams = Omit<Schemas['ChatCompletionRequest'], 'stream'> & {
  /** The gateway API to call. */
  apiSlug: string;
};

export type ChatCompletion = Result<'gatewayChatCompletions'>;
export type ChatCompletionChunk = Schemas['ChatCompletionChunk'];
