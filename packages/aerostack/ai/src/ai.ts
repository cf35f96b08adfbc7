import type { APIPromise, Client, RequestOptions, Stream } from '@aerostack/core';
import { chat, type ChatCompletionResponse } from './chat';
import type { ChatParams } from './chat-params';
import { chatStream, type ChatCompletionChunk, type ChatStreamParams } from './chat-stream';
import { Search } from './search/search';

/**
 * Chat and search as methods: `const ai = new AI(client); await ai.chat({ messages })`,
 * `await ai.search.query({ text })`.
 */
export class AI {
  #search: Search | undefined;

  constructor(readonly client: Client) {}

  /** Managed vector search (made on first use). */
  get search(): Search {
    return (this.#search ??= new Search(this.client));
  }

  chat(params: ChatParams, options?: RequestOptions): APIPromise<ChatCompletionResponse> {
    return chat(this.client, params, options);
  }

  chatStream(params: ChatStreamParams, options?: RequestOptions): APIPromise<Stream<ChatCompletionChunk>> {
    return chatStream(this.client, params, options);
  }
}
