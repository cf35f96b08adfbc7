import { chatConfigRoute, type APIPromise, type RequestOptions, type SmarterClient } from '@smarter/core';
import { byGeneration } from './generation';
import type { ChatConfig } from './types';
import { checkSessionKey, need } from './validate';

export interface ChatConfigParams {
  /** The chatbot's name. */
  name: string;
  /** The client id the server keeps the session under; pass a `Chatbot`'s `uid` to see its session. Default: a random UUID. */
  uid?: string | undefined;
  /** The session to describe. */
  sessionKey?: string | undefined;
  /** Start a new session. */
  newSession?: boolean | undefined;
}

/** A chatbot's chat config: a session key, its settings (snake_case), history, plugins and functions. */
export function chatConfig(client: SmarterClient, params: ChatConfigParams = {} as ChatConfigParams, options?: RequestOptions): APIPromise<ChatConfig> {
  const { name, uid, sessionKey, newSession } = params;
  return byGeneration<ChatConfig>(
    client,
    (generation) => ({
      method: 'POST',
      path: chatConfigRoute(generation, name),
      query: { uid: uid ?? crypto.randomUUID(), new_session: newSession },
      body: sessionKey ? { session_key: sessionKey } : undefined,
      idempotent: true,
    }),
    options,
    () => {
      need(name, 'name');
      if (uid !== undefined) need(uid, 'uid');
      checkSessionKey(sessionKey);
    },
  );
}
