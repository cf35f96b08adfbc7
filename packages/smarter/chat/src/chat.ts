import type { APIPromise, RequestOptions, SmarterClient } from '@smarter/core';
import { createCompletion, type ChatCompletion, type ChatCompletionCreateParams, type ChatCompletionOptions } from './completions';
import { createResponse, type ResponseCreateParams, type ResponseResult } from './responses';

/** `chat.completions` of one client. */
export class Completions {
  constructor(readonly client: SmarterClient) {}

  create(params: ChatCompletionCreateParams, options?: ChatCompletionOptions): APIPromise<ChatCompletion> {
    return createCompletion(this.client, params, options);
  }
}

/** `chat.responses` of one client. */
export class Responses {
  constructor(readonly client: SmarterClient) {}

  create<T = unknown>(params: ResponseCreateParams, options?: RequestOptions): APIPromise<ResponseResult<T>> {
    return createResponse<T>(this.client, params, options);
  }
}

/**
 * The chat operations bound to one client: `new Chat(client).completions.create(...)` and
 * `.responses.create(...)`. Import the functions instead when bundle size matters.
 */
export class Chat {
  readonly completions: Completions;
  readonly responses: Responses;

  constructor(readonly client: SmarterClient) {
    this.completions = new Completions(client);
    this.responses = new Responses(client);
  }
}
