// One chat turn: the chatbot's deterministic answer (the Aerostack worker's responder: "You said:
// <last user message>", cut to the chatbot's defaultMaxTokens) as the platform's parsed chat body —
// an OpenAI chat.completion plus `metadata` and `smarter` (the turn's new messages, each marked
// `smarter_is_new`, with the assistant's reply and a token-charge notice).
import { answerOf } from '../../worker/ai/chat';
import type { Generation } from '../env';
import type { Json } from '../envelope';
import { isV13 } from '../generation';
import type { ResourceRow } from '../manifests/store';
import type { Message } from './sessions';

const words = (text: string | null): number => (text ?? '').split(/\s+/).filter(Boolean).length;

export interface ChatbotSettings {
  model: string;
  temperature: number;
  maxTokens: number;
  systemRole: string;
  welcome: string | undefined;
  plugins: string[];
  functions: string[];
}

const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((s): s is string => typeof s === 'string') : []);

export function settingsOf(chatbot: ResourceRow): ChatbotSettings {
  const spec = (chatbot.manifest.spec ?? {}) as Json;
  const config = (spec.config ?? {}) as Json;
  return {
    model: typeof config.defaultModel === 'string' ? config.defaultModel : 'gpt-4o-mini',
    temperature: typeof config.defaultTemperature === 'number' ? config.defaultTemperature : 0.5,
    maxTokens: typeof config.defaultMaxTokens === 'number' ? config.defaultMaxTokens : 2048,
    systemRole: typeof config.defaultSystemRole === 'string' ? config.defaultSystemRole : 'You are a helpful chatbot.',
    welcome: typeof config.appWelcomeMessage === 'string' ? config.appWelcomeMessage : undefined,
    plugins: strings(spec.plugins),
    functions: strings(spec.functions),
  };
}

/** How a new session starts: the system prompt, and the welcome message when the chatbot has one. */
export function openingMessages(settings: ChatbotSettings): Message[] {
  return [{ role: 'system', content: settings.systemRole }, ...(settings.welcome ? [{ role: 'assistant', content: settings.welcome }] : [])];
}

async function completionId(model: string, messages: Message[]): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(JSON.stringify([model, messages]))));
  return `chatcmpl-${[...digest.slice(0, 12)].map((b) => b.toString(16).padStart(2, '0')).join('')}`;
}

export interface Turn {
  /** The parsed chat body (ChatEndpointParsed). */
  body: Json;
  /** The assistant's reply, to append to the conversation. */
  reply: Message;
}

/**
 * Answers `conversation` (every message sent, the new ones last); `fresh` are the messages new in
 * this turn, shown again in `smarter.messages`.
 */
export async function answerTurn(chatbot: ResourceRow, generation: Generation, conversation: Message[], fresh: Message[]): Promise<Turn> {
  const settings = settingsOf(chatbot);
  const said = conversation.filter((m) => ['system', 'user', 'assistant'].includes(m.role)).map((m) => ({ role: m.role, content: m.content ?? '' }));
  // Nothing said yet (the widget's first call): the chatbot greets.
  const { text, finish } = said.some((m) => m.role === 'user') ? answerOf(said, settings.maxTokens) : { text: settings.welcome ?? 'Hello! How can I help you today?', finish: 'stop' as const };
  const promptTokens = conversation.reduce((n, m) => n + words(m.content), 0);
  const usage = { prompt_tokens: promptTokens, completion_tokens: words(text), total_tokens: promptTokens + words(text) };
  const reply: Message = { role: 'assistant', content: text };
  const completion = {
    id: await completionId(settings.model, conversation),
    object: 'chat.completion',
    created: Math.floor(Date.now() / 1000),
    model: settings.model,
    choices: [{ index: 0, finish_reason: finish, message: { ...reply, refusal: null, tool_calls: null }, logprobs: null }],
    usage,
    service_tier: 'default',
    system_fingerprint: 'fp_emulator',
  };
  const lastUser = [...conversation].reverse().find((m) => m.role === 'user');
  const notices: Message[] = [
    { role: 'smarter', content: `Prompt config: model ${settings.model}, temperature ${settings.temperature}, max tokens ${settings.maxTokens}` },
    ...(settings.functions.length ? [{ role: 'smarter', content: `Tools presented: ${settings.functions.join(', ')}` }] : []),
  ];
  const charge: Message = { role: 'smarter', content: `Charged ${usage.total_tokens} tokens (${usage.prompt_tokens} prompt, ${usage.completion_tokens} completion)` };
  const body = {
    ...completion,
    metadata: {
      tool_calls: null,
      model: settings.model,
      temperature: settings.temperature,
      // Older servers said max_tokens; v0.14 sends max_completion_tokens.
      [isV13(generation) ? 'max_tokens' : 'max_completion_tokens']: settings.maxTokens,
      input_text: lastUser?.content ?? '',
    },
    smarter: {
      first_iteration: { request: { model: settings.model, messages: conversation, temperature: settings.temperature, max_tokens: settings.maxTokens }, response: completion },
      second_iteration: {},
      tools: settings.functions,
      plugins: settings.plugins,
      messages: [...notices, ...fresh, reply, charge].map((m) => ({ ...m, smarter_is_new: true })),
    },
  };
  return { body, reply };
}
