import { request, APIPromise, path, type RequestOptions, type SmarterClient } from '@smarter/core';
import { byGeneration } from './generation';
import type { Schemas } from './spec';
import { readTurn } from './turn';
import type { ChatMessage, DirectChatResult } from './types';
import { checkSessionKey, fail } from './validate';

/** Which chatbot: its chat URL (`chatbot.url`, `status.urlChatbot` / `urlLLMClient`), or its hashed id. */
export type ChatTarget = { url: string; chatbotId?: undefined } | { chatbotId: string; url?: undefined };

export interface ChatDirectParams {
  /** The whole conversation to answer, as the chatbot's own endpoint expects it. */
  messages: ChatMessage[];
  /** The session; without it the server starts one. */
  sessionKey?: string | undefined;
}

/**
 * Chats with a chatbot through its own endpoint (what the web chat widget calls): its URL, or
 * `chatbots/<id>/chat/` (v0.13) / `llm-clients/<id>/prompt/` (v0.14). The endpoint answers the
 * chat as a JSON string, read here like a prompt's answer. Never retried.
 */
export function chatDirect(client: SmarterClient, target: ChatTarget = {} as ChatTarget, params: ChatDirectParams = {} as ChatDirectParams, options?: RequestOptions): APIPromise<DirectChatResult> {
  const { url, chatbotId } = target;
  const body = { messages: params.messages, session_key: params.sessionKey };
  const check = () => {
    if (!url === !chatbotId || typeof (url ?? chatbotId) !== 'string') fail('target: { url } or { chatbotId }, one non-empty string');
    if (!Array.isArray(params.messages)) fail('messages: an array of { role, content }');
    checkSessionKey(params.sessionKey);
  };
  const call = url
    ? request<Schemas['ChatEndpointData']>(client, { method: 'POST', path: url, body, check }, options)
    : byGeneration<Schemas['ChatEndpointData']>(
        client,
        (generation) => ({ method: 'POST', path: generation === 'v0.13' ? path`chatbots/${chatbotId ?? ''}/chat/` : path`llm-clients/${chatbotId ?? ''}/prompt/`, body }),
        options,
        check,
      );
  return new APIPromise(call.withResponse().then((r) => ({ ...r, data: readTurn(r, r.data as typeof r.data | undefined, (parsed) => ({ ...r.data, body: parsed })) })));
}
