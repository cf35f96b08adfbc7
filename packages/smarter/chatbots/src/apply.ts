import { request, chatbotKind, type APIPromise, type RequestOptions, type SmarterClient } from '@smarter/core';
import { byGeneration } from './generation';
import type { Data } from './spec';
import type { ChatbotManifest } from './types';
import { fail } from './validate';

export type ApplyResult = Data<'cliApply'>;

/**
 * A chatbot's top-level `kind:` line in YAML text (at the start of a line, so not a nested key):
 * `kind: Chatbot` or `kind: LLMClient`, in any case, quoted or not, with an optional comment.
 */
const CHATBOT_KIND_LINE = /^kind:[ \t]*(["']?)(?:chatbot|llmclient)\1[ \t]*(#.*)?$/im;

/**
 * Creates or updates a chatbot from its manifest, spelling a chatbot's kind the server's way
 * (`Chatbot` on v0.13, `LLMClient` on v0.14, which has no alias for the other): an object is sent
 * as JSON; a string (YAML or JSON text) is sent as `application/x-yaml`, with its top-level
 * `kind: Chatbot` / `kind: LLMClient` line rewritten (text without one is sent as is, with no
 * generation lookup). Never retried.
 */
export function apply(client: SmarterClient, manifest: ChatbotManifest | string, options?: RequestOptions): APIPromise<ApplyResult> {
  const check = () => {
    if (typeof manifest === 'string' ? !manifest.trim() : !(manifest as Partial<ChatbotManifest> | null)?.kind) fail('manifest: a manifest object with a kind, or YAML text');
  };
  if (typeof manifest === 'string') {
    const yaml = (rawBody: string) => ({ method: 'POST' as const, path: 'cli/apply/', rawBody, contentType: 'application/x-yaml' });
    if (!CHATBOT_KIND_LINE.test(manifest)) return request<ApplyResult>(client, { ...yaml(manifest), check }, options);
    return byGeneration<ApplyResult>(client, (generation) => yaml(manifest.replace(CHATBOT_KIND_LINE, (_, _quote, comment?: string) => `kind: ${chatbotKind(generation)}${comment ? ` ${comment}` : ''}`)), options, check);
  }
  return byGeneration<ApplyResult>(
    client,
    // Only a chatbot's kind is renamed; a manifest of another kind is sent as it is.
    (generation) => ({ method: 'POST', path: 'cli/apply/', body: /^(?:chatbot|llmclient)$/i.test(manifest.kind) ? { ...manifest, kind: chatbotKind(generation) } : manifest }),
    options,
    check,
  );
}
