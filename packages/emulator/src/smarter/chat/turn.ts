// One chat turn: the chatbot's deterministic answer (the Aerostack worker's responder: "You said:
// <last user message>", cut to the chatbot's defaultMaxTokens) as the platform's parsed chat body —
// an OpenAI chat.completion plus `metadata` and `smarter`. As in the platform's sample answer
// (reference §6.2), `smarter.messages` holds only what the turn added, each marked `smarter_is_new`:
// Smarter's notices (prompt config, one per tool presented, the token charge), then the assistant's
// reply — never the system prompt, the welcome message or the user's prompt.
import { answerOf } from '../../worker/ai/chat';
import type { Generation } from '../env';
import type { Json } from '../envelope';
import { isV13 } from '../generation';
import type { ResourceRow } from '../manifests/store';
import type { Message } from './sessions';
import { toolOf } from './tools';

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

/** Answers `conversation` (every message sent, the new ones last). */
export async function answerTurn(chatbot: ResourceRow, generation: Generation, conversation: Message[]): Promise<Turn> {
  const settings = settingsOf(chatbot);
  const said = conversation.filter((m) => ['system', 'user', 'assistant'].includes(m.role)).map((m) => ({ role: m.role, content: m.content ?? '' }));
  // Nothing said yet (the widget's first call): the chatbot greets.
  const { text, finish } = said.some((m) => m.role === 'user') ? answerOf(said, settings.maxTokens) : { text: settings.welcome ?? 'Hello! How can I help you today?', finish: 'stop' as const };
  const promptTokens = conversation.reduce((n, m) => n + words(m.content), 0);
  const usage = {
    prompt_tokens: promptTokens,
    completion_tokens: words(text),
    total_tokens: promptTokens + words(text),
    // OpenAI's breakdowns: the responder caches nothing, hears no audio and does no reasoning.
    completion_tokens_details: { accepted_prediction_tokens: 0, audio_tokens: 0, reasoning_tokens: 0, rejected_prediction_tokens: 0 },
    prompt_tokens_details: { audio_tokens: 0, cached_tokens: 0 },
  };
  const reply: Message = { role: 'assistant', content: text };
  const message = { ...reply, refusal: null, audio: null, function_call: null, tool_calls: null, annotations: [] };
  const completion = {
    id: await completionId(settings.model, conversation),
    object: 'chat.completion',
    created: Math.floor(Date.now() / 1000),
    model: settings.model,
    choices: [{ index: 0, finish_reason: finish, message, logprobs: null }],
    usage,
    service_tier: 'default',
    system_fingerprint: 'fp_emulator',
  };
  const lastUser = [...conversation].reverse().find((m) => m.role === 'user');
  const metadata = {
    tool_calls: null,
    model: settings.model,
    temperature: settings.temperature,
    // Older servers said max_tokens; v0.14 sends max_completion_tokens.
    [isV13(generation) ? 'max_tokens' : 'max_completion_tokens']: settings.maxTokens,
    input_text: lastUser?.content ?? '',
  };
  const tools = settings.functions.map(toolOf);
  const request = { model: settings.model, messages: conversation, tools, temperature: settings.temperature, max_tokens: settings.maxTokens, tool_choice: 'auto' };
  const notices: Message[] = [
    { role: 'smarter', content: `Prompt configuration: llm=openai, model=${settings.model}, temperature=${settings.temperature}, max_tokens=${settings.maxTokens}, tool_choice=auto.` },
    ...tools.map((t) => ({ role: 'smarter', content: `Tool presented: ${t.function.name} - ${t.function.description}` })),
    { role: 'smarter', content: `openai prompt charges: ${usage.prompt_tokens} prompt tokens, ${usage.completion_tokens} completion tokens = ${usage.total_tokens} total tokens charged.` },
  ];
  const body = {
    ...completion,
    metadata,
    smarter: {
      first_iteration: { request, response: { ...completion, metadata } },
      second_iteration: {},
      tools: settings.functions,
      plugins: settings.plugins,
      messages: [...notices, message].map((m) => ({ ...m, smarter_is_new: true })),
    },
  };
  return { body, reply };
}
