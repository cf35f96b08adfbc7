// The manifest kinds of each generation and what each command does with them.
//
// A kind in a path is matched the platform's way: any case, snake_case or not, a trailing `s`
// stripped (`chatbot`, `Chatbots`, `llm_clients`). Rows are stored under a generation-neutral key, so
// v0.13's `Chatbot` is v0.14's `LLMClient` (and AuthToken/SmarterAuthToken, Chat/Prompt likewise).
import type { Generation } from '../env';
import { isV13 } from '../generation';

export type Command = 'apply' | 'describe' | 'get' | 'delete' | 'deploy' | 'undeploy' | 'logs';

/** How a kind is kept: `manifest` in the resources table, `chat` read from chat sessions (history kinds). */
export type Storage = 'manifest' | 'chat' | 'chat-log';

export interface KindInfo {
  /** Generation-neutral key of its rows. */
  key: string;
  /** The name in this generation: `Chatbot` / `LLMClient`. */
  name: string;
  /** "<plural> got successfully". */
  plural: string;
  storage: Storage;
  /** Commands the platform's broker does not implement for it (501). */
  notImplemented: readonly Command[];
}

const NO_DEPLOY: Command[] = ['deploy', 'undeploy'];
const NO_DEPLOY_NO_LOGS: Command[] = ['deploy', 'undeploy', 'logs'];

// [key, v0.13 name | null, v0.14 name | null, storage, 501 commands]
const KINDS: [string, string | null, string | null, Storage, Command[]][] = [
  ['chatbot', 'Chatbot', 'LLMClient', 'manifest', []],
  ['account', 'Account', 'Account', 'manifest', ['delete', ...NO_DEPLOY]],
  ['user', 'User', 'User', 'manifest', []],
  ['plugin', 'Plugin', 'Plugin', 'manifest', NO_DEPLOY_NO_LOGS],
  ['apiplugin', 'ApiPlugin', 'ApiPlugin', 'manifest', []],
  ['sqlplugin', 'SqlPlugin', 'SqlPlugin', 'manifest', []],
  ['sqlconnection', 'SqlConnection', 'SqlConnection', 'manifest', []],
  ['apiconnection', 'ApiConnection', 'ApiConnection', 'manifest', NO_DEPLOY_NO_LOGS],
  ['secret', 'Secret', 'Secret', 'manifest', NO_DEPLOY_NO_LOGS],
  ['provider', 'Provider', 'Provider', 'manifest', NO_DEPLOY],
  ['authtoken', 'AuthToken', 'SmarterAuthToken', 'manifest', ['logs']],
  ['chat', 'Chat', 'Prompt', 'chat', NO_DEPLOY],
  // v0.13's other history kinds: listed from the sessions; nothing else is implemented.
  ['chathistory', 'ChatHistory', null, 'chat-log', ['describe', 'delete', ...NO_DEPLOY, 'logs']],
  ['chatpluginusage', 'ChatPluginUsage', null, 'chat-log', ['describe', 'delete', ...NO_DEPLOY, 'logs']],
  ['chattoolcall', 'ChatToolCall', null, 'chat-log', ['describe', 'delete', ...NO_DEPLOY, 'logs']],
  ['vectorstore', null, 'Vectorstore', 'manifest', []],
];

const fold = (kind: string): string => kind.toLowerCase().replace(/_/g, '').replace(/s$/, '');

/** The kind a path or manifest names in this generation, or undefined (v0.14 has no `Chatbot` alias). */
export function kindOf(kind: string, generation: Generation): KindInfo | undefined {
  const folded = fold(kind);
  for (const [key, v13, v14, storage, notImplemented] of KINDS) {
    const name = isV13(generation) ? v13 : v14;
    if (name && fold(name) === folded) return { key, name, plural: `${name}s`, storage, notImplemented };
  }
  return undefined;
}

/** The names of every kind of this generation. */
export function kindNames(generation: Generation): string[] {
  return KINDS.map(([, v13, v14]) => (isV13(generation) ? v13 : v14)).filter((n): n is string => n !== null);
}

/** The kind of a stored row in this generation (undefined when this generation has no such kind). */
export function kindByKey(key: string, generation: Generation): KindInfo | undefined {
  const row = KINDS.find(([k]) => k === key);
  const name = row ? (isV13(generation) ? row[1] : row[2]) : null;
  return name ? kindOf(name, generation) : undefined;
}
