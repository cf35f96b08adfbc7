import { APIPromise, chatRoute, type RequestOptions, type SmarterClient } from '@smarter/core';
import { byGeneration } from './generation';
import { readTurn } from './turn';
import type { ChatbotManifest, ChatbotSpec, ChatbotStatus, CliChatData, PromptResult } from './types';
import { need } from './validate';

export interface ChatbotOptions {
  /**
   * The client id the server keeps this chatbot's session under (24 h per user and uid). Default: a
   * random UUID per `Chatbot`, so two instances never share a session.
   */
  uid?: string | undefined;
}

export interface PromptOptions extends RequestOptions {
  /** Start a new session with this prompt (the first prompt of a `Chatbot` always does). */
  newSession?: boolean | undefined;
}

/**
 * A chatbot, as `get(client, { name })` gives it: its manifest, and `prompt()`, which keeps one
 * conversation going (the server holds the session; this object holds its key).
 */
export class Chatbot {
  readonly name: string;
  readonly uid: string;
  #sessionKey: string | undefined;
  #fresh = true;

  constructor(
    readonly client: SmarterClient,
    readonly manifest: ChatbotManifest,
    options: ChatbotOptions = {},
  ) {
    this.name = manifest.metadata.name;
    this.uid = options.uid ?? crypto.randomUUID();
  }

  get spec(): ChatbotSpec {
    return this.manifest.spec;
  }

  get status(): ChatbotStatus | undefined {
    return this.manifest.status;
  }

  /** The chatbot's chat URL (`status.urlChatbot` in v0.13, `status.urlLLMClient` in v0.14). */
  get url(): string | undefined {
    return this.status?.urlChatbot ?? this.status?.urlLLMClient;
  }

  /** The current session's key: `undefined` before the first answer and after `newSession()`. */
  get sessionKey(): string | undefined {
    return this.#sessionKey;
  }

  /** Forgets the conversation: the next prompt starts a new session. */
  newSession(): void {
    this.#sessionKey = undefined;
    this.#fresh = true;
  }

  /**
   * Sends `text` to the chatbot (`cli/chat/<name>/` in v0.13, `cli/prompt/<name>/` in v0.14) within
   * the current session, and reads the answer. Never retried: a repeat would be a second turn.
   */
  prompt(text: string, options: PromptOptions = {}): APIPromise<PromptResult> {
    const { newSession, ...requestOptions } = options;
    if (newSession) this.newSession();
    const fresh = this.#fresh;
    // Taken at once, so a prompt sent before this one's answer joins its session.
    this.#fresh = false;
    const call = byGeneration<CliChatData>(
      this.client,
      (generation) => ({
        method: 'POST',
        path: chatRoute(generation, this.name),
        query: { uid: this.uid, new_session: fresh },
        // The server keeps the conversation: a non-empty list would not be stored back.
        body: { prompt: text, messages: [] },
      }),
      requestOptions,
      () => need(text, 'text'),
    );
    return new APIPromise(
      call.withResponse().then(
        (r) => {
          const raw = r.data as Partial<CliChatData> | undefined;
          const turn = readTurn(r, raw?.response?.data, () => r.data);
          const sessionKey = raw?.request?.session_key ?? this.#sessionKey;
          this.#sessionKey = sessionKey;
          return { ...r, data: { ...turn, sessionKey } };
        },
        (error: unknown) => {
          // The session did not start: the next prompt tries again.
          if (fresh) this.#fresh = true;
          throw error;
        },
      ),
    );
  }
}
