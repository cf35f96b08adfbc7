// The CLI helpers are shared with the other Smarter package: see tooling/test-utils.
export * from '@aerostack-internal/test-utils/smarter-cli';
import type { Generation } from '@smarter/core';

export const NAME = 'stackademy';
export const SESSION_1 = '1a'.repeat(32);
export const SESSION_2 = '2b'.repeat(32);
const v13 = (g: Generation) => g === 'v0.13';

/** A chatbot's manifest as describe answers it in each generation. */
export function chatbotManifest(generation: Generation, name = NAME) {
  const url = v13(generation) ? 'https://platform.smarter.sh/api/v1/chatbots/rAbCx/chat/' : 'https://platform.smarter.sh/api/v1/llm-clients/rAbCx/prompt/';
  return {
    apiVersion: 'smarter.sh/v1',
    kind: v13(generation) ? 'Chatbot' : 'LLMClient',
    metadata: { name, description: 'The course catalogue', version: '0.1.0' },
    spec: { config: { deployed: true, provider: 'openai', defaultModel: 'gpt-4o-mini' }, plugins: ['stackademy_sql'] },
    status: { accountNumber: '3141-5926-5359', deployed: true, ...(v13(generation) ? { urlChatbot: url } : { urlLLMClient: url }) },
  };
}

/** The parsed chat body: an OpenAI chat.completion plus Smarter's `metadata` and `smarter`. */
export function chatBody(reply = 'Hi! How can I help?') {
  return {
    id: 'chatcmpl-1',
    object: 'chat.completion',
    created: 1767225600,
    model: 'gpt-4o-mini',
    choices: [{ index: 0, finish_reason: 'stop', message: { role: 'assistant', content: `${reply} (choices)` } }],
    usage: { prompt_tokens: 10, completion_tokens: 5, total_tokens: 15 },
    system_fingerprint: 'fp_1',
    metadata: { model: 'gpt-4o-mini', temperature: 0.5, max_completion_tokens: 256, input_text: 'Hello' },
    smarter: {
      first_iteration: { request: {}, response: {} },
      tools: ['get_current_weather'],
      plugins: ['stackademy_sql'],
      messages: [
        { role: 'smarter', content: 'Tools presented: get_current_weather', smarter_is_new: true },
        { role: 'user', content: 'Hello', smarter_is_new: true },
        { role: 'assistant', content: reply, smarter_is_new: true },
      ],
    },
  };
}

/** `data` of a CLI prompt: the request echoed, and the chat endpoint's envelope with its body parsed (`null`: no body). */
export function cliChatData(generation: Generation, sessionKey: string, body: unknown = chatBody()) {
  return {
    request: { session_key: sessionKey, messages: [{ role: 'system', content: 'You are helpful.' }, { role: 'user', content: 'Hello' }] },
    response: {
      data: { isBase64Encoded: false, statusCode: 200, headers: { 'Content-Type': 'application/json' }, ...(body !== null && { body }) },
      api: 'smarter.sh/v1',
      ...(v13(generation) ? { thing: 'Chatbot', metadata: { command: 'chat' } } : { metadata: { command: 'prompt', thing: 'LLMClient' } }),
    },
  };
}

/** A chatbot's own chat endpoint answer: `data.body` is a JSON string (`null`: no body). */
export function directChatData(body: unknown = chatBody(), statusCode = 200) {
  return { isBase64Encoded: false, statusCode, headers: { 'Content-Type': 'application/json' }, ...(body !== null && { body: typeof body === 'string' ? body : JSON.stringify(body) }) };
}
