import type { Data, Schemas } from './spec';

/** A chatbot's manifest (`kind: Chatbot` in v0.13, `LLMClient` in v0.14). */
export type ChatbotManifest = Schemas['ChatbotManifest'];
export type ChatbotSpec = Schemas['ChatbotSpec'];
export type ChatbotStatus = Schemas['ChatbotStatus'];
/** A chat message: `system`, `user`, `assistant`, and in answers `smarter` notices and `tool` messages. */
export type ChatMessage = Schemas['ChatMessage'];
/** The OpenAI `chat.completion` fields of an answer. */
export type ChatCompletion = Schemas['ChatCompletion'];
/** What the chat config routes answer (snake_case): the session key, the chatbot's settings, history, plugins. */
export type ChatConfig = Schemas['ChatConfig'];

type Parsed = Schemas['ChatEndpointParsed'];
/** Smarter's account of a turn: `tools` and `plugins` used, the iterations, the new `messages`. */
export type SmarterTurn = NonNullable<Parsed['smarter']>;
/** The model settings of a turn: `model`, `temperature`, `max_tokens` / `max_completion_tokens`, `tool_calls`, `input_text`. */
export type TurnMetadata = NonNullable<Parsed['metadata']>;

/** `data` of a CLI prompt (`cli/chat/<name>/`, `cli/prompt/<name>/`): the request echoed and the chatbot's answer. */
export type CliChatData = Data<'cliChat'>;
/** `data` of a chatbot's own chat endpoint, with its JSON-string `body` parsed. */
export type DirectChatData = Schemas['CliChatEndpointData'];

/** One chat turn, read. */
export interface ChatTurn<Raw> {
  /** The assistant's answer: the `assistant` message of the turn, else `choices[0].message.content`; `''` when there is none. */
  reply: string;
  /** The OpenAI `chat.completion` fields: `id`, `model`, `choices`, `usage`, ... */
  completion: ChatCompletion;
  /** Smarter's account of the turn: `tools`, `plugins`, `first_iteration`, ... (`{}` when absent). */
  smarter: SmarterTurn;
  /** The model settings of the turn (`{}` when absent). */
  metadata: TurnMetadata;
  /** The turn's new messages (Smarter notices, tool messages, the assistant reply). */
  messages: ChatMessage[];
  /** Everything the server answered (`data`, with the chat body parsed). */
  raw: Raw;
}

/** A prompt's result: the turn, and the session it belongs to. */
export interface PromptResult extends ChatTurn<CliChatData> {
  /** The session's 64-hex key, as the server echoed it (`undefined` only if it never did). */
  sessionKey: string | undefined;
}

/** A direct chat's result. */
export type DirectChatResult = ChatTurn<DirectChatData>;

/** One chatbot as `list` gives it (camelCase; the server may add fields). */
export interface ChatbotSummary {
  id?: number | string;
  name: string;
  description?: string | null;
  version?: string | null;
  deployed?: boolean;
  provider?: string | null;
  defaultModel?: string | null;
  /** v0.13: the chat URL. */
  urlChatbot?: string;
  /** v0.14: the chat URL. */
  urlLLMClient?: string;
  [field: string]: unknown;
}
