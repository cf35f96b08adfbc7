import { APIPromise, InvalidResponseError, type RequestOptions, type SmarterClient } from '@smarter/core';
import { Chatbot, type ChatbotOptions } from './chatbot';
import { describe } from './describe';
import type { ChatbotManifest } from './types';

export interface GetParams extends ChatbotOptions {
  /** The chatbot's name (`metadata.name`). */
  name: string;
}

/**
 * A chatbot by name, ready to prompt: `(await get(client, { name })).prompt('Hello')`. A name that
 * does not exist is a `NotFoundError`.
 */
export function get(client: SmarterClient, params: GetParams = {} as GetParams, options?: RequestOptions): APIPromise<Chatbot> {
  return new APIPromise(
    describe(client, params, options)
      .withResponse()
      .then((r) => {
        const found = (r.data as Partial<ChatbotManifest> | undefined)?.metadata?.name;
        if (found !== params.name) {
          throw new InvalidResponseError(`${r.response.status}: asked for chatbot "${params.name}", the server described ${JSON.stringify(found)}`, { status: r.response.status, requestId: r.requestId, headers: r.response.headers });
        }
        return { ...r, data: new Chatbot(client, r.data, params) };
      }),
  );
}
