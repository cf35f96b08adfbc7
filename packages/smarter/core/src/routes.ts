import { path } from '@aerostack/core';
import type { Generation } from './preset';

// The words and routes that differ between the two server generations, one function each, so that
// an operation's bundle carries only its own route (no operation carries another's: tooling/size).

/** The chatbot kind: `Chatbot` (v0.13) or `LLMClient` (v0.14). */
export const chatbotKind = (generation: Generation): string => (generation === 'v0.13' ? 'Chatbot' : 'LLMClient');

/** A chatbot's prompt: `cli/chat/<name>/` (v0.13) or `cli/prompt/<name>/` (v0.14). */
export const chatRoute = (generation: Generation, name: string): string => (generation === 'v0.13' ? path`cli/chat/${name}/` : path`cli/prompt/${name}/`);

/** A chatbot's chat config: `cli/chat/config/<name>/` (v0.13) or `cli/prompt/config/<name>/` (v0.14). */
export const chatConfigRoute = (generation: Generation, name: string): string => (generation === 'v0.13' ? path`cli/chat/config/${name}/` : path`cli/prompt/config/${name}/`);

/** A kind's example manifest: `cli/example_manifest/<kind>/` (v0.13) or `cli/example-manifest/<kind>/` (v0.14). */
export const exampleManifestRoute = (generation: Generation, kind: string): string =>
  generation === 'v0.13' ? path`cli/example_manifest/${kind}/` : path`cli/example-manifest/${kind}/`;

/** A kind's JSON Schema: `cli/schema/<kind>/` (v0.13) or `cli/json-schema/<kind>/` (v0.14). */
export const schemaRoute = (generation: Generation, kind: string): string => (generation === 'v0.13' ? path`cli/schema/${kind}/` : path`cli/json-schema/${kind}/`);

/**
 * Every word and route of a generation at once. The operations import the functions above instead:
 * this object brings all the routes into any bundle that uses it.
 */
export function routesFor(generation: Generation) {
  return {
    chatbotKind: chatbotKind(generation),
    chat: (name: string) => chatRoute(generation, name),
    chatConfig: (name: string) => chatConfigRoute(generation, name),
    exampleManifest: (kind: string) => exampleManifestRoute(generation, kind),
    schema: (kind: string) => schemaRoute(generation, kind),
  };
}

export type Routes = ReturnType<typeof routesFor>;
