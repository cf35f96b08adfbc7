import { request, chatbotKind, type APIPromise, type RequestOptions, type SmarterClient } from '@smarter/core';
import { byGeneration } from './generation';
import type { Data } from './spec';
import type { ChatbotManifest } from './types';
import { fail } from './validate';

export type ApplyResult = Data<'cliApply'>;

/**
 * Creates or updates a chatbot from its manifest. An object is sent as JSON with its kind spelled
 * the server's way (`Chatbot` / `LLMClient`); a string (YAML or JSON text) is sent as is, as
 * `application/x-yaml`. Never retried.
 */
export function apply(client: SmarterClient, manifest: ChatbotManifest | string, options?: RequestOptions): APIPromise<ApplyResult> {
  const check = () => {
    if (typeof manifest === 'string' ? !manifest.trim() : !(manifest as Partial<ChatbotManifest> | null)?.kind) fail('manifest: a manifest object with a kind, or YAML text');
  };
  if (typeof manifest === 'string') return request<ApplyResult>(client, { method: 'POST', path: 'cli/apply/', rawBody: manifest, contentType: 'application/x-yaml', check }, options);
  return byGeneration<ApplyResult>(
    client,
    // Only a chatbot's kind is renamed; a manifest of another kind is sent as it is.
    (generation) => ({ method: 'POST', path: 'cli/apply/', body: /^(?:chatbot|llmclient)$/i.test(manifest.kind) ? { ...manifest, kind: chatbotKind(generation) } : manifest }),
    options,
    check,
  );
}
