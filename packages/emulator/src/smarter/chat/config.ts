// The chat config (what the React widget loads first, and the CLI's chat config routes): the
// session key, the chatbot's settings in snake_case, the session's history, plugins, functions.
import type { Account, Generation } from '../env';
import type { Json } from '../envelope';
import { chatbotUrls } from '../manifests/present';
import type { ResourceRow } from '../manifests/store';
import type { Session } from './sessions';
import { settingsOf } from './turn';

const iso = (ms: number) => new Date(ms).toISOString();
const snake = (key: string) => key.replace(/[A-Z]/g, (ch) => `_${ch.toLowerCase()}`);

export function chatConfig(chatbot: ResourceRow, session: Session, account: Account, origin: string, generation: Generation, diagnostics: Json): Json {
  const metadata = chatbot.manifest.metadata as Json;
  const config = ((chatbot.manifest.spec as Json | undefined)?.config ?? {}) as Json;
  const settings = settingsOf(chatbot);
  const fields = ['provider', 'defaultModel', 'defaultSystemRole', 'defaultTemperature', 'defaultMaxTokens', 'appName', 'appAssistant', 'appWelcomeMessage', 'appExamplePrompts', 'appPlaceholder', 'appInfoUrl', 'appBackgroundImageUrl', 'appLogoUrl', 'appFileAttachment', 'subdomain', 'customDomain'];
  return {
    session_key: session.session_key,
    // The platform's sandbox is the chatbot before it is deployed.
    sandbox_mode: !chatbot.deployed,
    debug_mode: false,
    chatbot: {
      id: chatbot.id,
      url_chatbot: chatbotUrls(origin, generation, chatbot.id).chat,
      name: chatbot.name,
      description: metadata.description ?? null,
      version: metadata.version ?? null,
      deployed: chatbot.deployed,
      ...Object.fromEntries(fields.map((f) => [snake(f), config[f] ?? null])),
      provider: config.provider ?? 'openai',
      dns_verification_status: 'Not Necessary',
      tls_certificate_issuance_status: 'Not Necessary',
      account: { accountNumber: account.number },
      created_at: iso(chatbot.created_at),
      updated_at: iso(chatbot.updated_at),
    },
    history: {
      chat: { session_key: session.session_key, chatbot: chatbot.name, turns: session.turns, created_at: iso(session.created_at), updated_at: iso(session.updated_at) },
      chat_history: session.messages,
      chat_tool_call_history: [],
      chat_plugin_usage_history: [],
      chatbot_request_history: [],
      plugin_selector_history: [],
    },
    meta_data: diagnostics,
    plugins: { meta_data: { total_plugins: settings.plugins.length, plugins_returned: settings.plugins.length }, plugins: settings.plugins.map((name) => ({ name })) },
    functions: { meta_data: { total_functions: settings.functions.length }, functions: settings.functions },
  };
}
