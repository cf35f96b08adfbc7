import { path } from '@aerostack/core';
import type { Generation } from './preset';

/** The words and routes that differ between the two server generations. */
export function routesFor(generation: Generation) {
  const v13 = generation === 'v0.13';
  return {
    /** The chatbot kind: `Chatbot` (v0.13) or `LLMClient` (v0.14). */
    chatbotKind: v13 ? 'Chatbot' : 'LLMClient',
    chat: (name: string) => (v13 ? path`cli/chat/${name}/` : path`cli/prompt/${name}/`),
    chatConfig: (name: string) => (v13 ? path`cli/chat/config/${name}/` : path`cli/prompt/config/${name}/`),
    exampleManifest: (kind: string) => (v13 ? path`cli/example_manifest/${kind}/` : path`cli/example-manifest/${kind}/`),
    schema: (kind: string) => (v13 ? path`cli/schema/${kind}/` : path`cli/json-schema/${kind}/`),
  };
}

export type Routes = ReturnType<typeof routesFor>;
