import type { Generation } from '@smarter/core';

const chatbot = ['Chatbot', 'LLMClient'] as const;
const token = ['AuthToken', 'SmarterAuthToken'] as const;
const chat = ['Chat', 'Prompt'] as const;

// The kinds v0.14 renamed, [v0.13, v0.14], by their spelling folded the way the server folds it
// (any case, snake_case or not, singular or plural: `llm_clients` is `LLMClient`).
const RENAMED = new Map<string, readonly [string, string]>([
  ['chatbot', chatbot],
  ['llmclient', chatbot],
  ['authtoken', token],
  ['smarterauthtoken', token],
  ['chat', chat],
  ['prompt', chat],
]);

/** The [v0.13, v0.14] names of a kind the generations spell differently; `undefined` for any other kind. */
export function renamed(kind: string): readonly [string, string] | undefined {
  return RENAMED.get(kind.toLowerCase().replace(/_|s$/g, ''));
}

/**
 * A kind as the given server generation spells it: `kindFor('Chatbot', 'v0.14')` is `LLMClient`,
 * `kindFor('SmarterAuthToken', 'v0.13')` is `AuthToken`, `Chat` and `Prompt` likewise. Other kinds
 * are returned as given (the server matches them case-insensitively, singular or plural).
 */
export function kindFor(kind: string, generation: Generation): string {
  return renamed(kind)?.[generation === 'v0.13' ? 0 : 1] ?? kind;
}
