// Stored resources as the platform shows them: describe's full manifest (with the read-only
// `status`), and get's camelCase items. A chatbot's URLs point at this emulator (the request's
// origin), so `status.urlChatbot` / `urlLLMClient` can be called as is.
import { usernameOf } from '../account';
import type { Account, Generation } from '../env';
import type { Json } from '../envelope';
import { isV13 } from '../generation';
import type { KindInfo } from './kinds';
import type { ResourceRow } from './store';

const iso = (ms: number) => new Date(ms).toISOString();

/** The opaque id of the chatbot endpoints: `r` + URL-safe base64 of the row id + `x`, as the platform's hashed ids look. */
export const hashedId = (id: number): string => `r${btoa(String(id)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')}x`;

/** The row id of a hashed id, or undefined when it is not one. */
export function idOfHashed(hashed: string): number | undefined {
  const m = /^r([A-Za-z0-9_-]+)x$/.exec(hashed);
  if (!m?.[1]) return undefined;
  try {
    const id = Number(atob(m[1].replace(/-/g, '+').replace(/_/g, '/')));
    return Number.isSafeInteger(id) && id > 0 ? id : undefined;
  } catch {
    return undefined;
  }
}

/** The chatbot's endpoints on this server: its chat URL and config URL, per generation. */
export function chatbotUrls(origin: string, generation: Generation, id: number): { base: string; chat: string; config: string } {
  const base = `${origin}/api/v1/${isV13(generation) ? 'chatbots' : 'llm-clients'}/${hashedId(id)}/`;
  return { base, chat: `${base}${isV13(generation) ? 'chat' : 'prompt'}/`, config: `${base}config/` };
}

/**
 * A chatbot's custom-domain states. The emulator's chatbots have no custom domain, so both are the
 * platform's "Not Necessary" (what the chat config reports too).
 */
export const DOMAIN_STATUS = { dnsVerificationStatus: 'Not Necessary', tlsCertificateIssuanceStatus: 'Not Necessary' } as const;

/** The read-only fields a describe echoes in `spec.config`: dropped from what apply stores. */
export const READ_ONLY_CONFIG = Object.keys(DOMAIN_STATUS);

function chatbotStatus(row: ResourceRow, account: Account, origin: string, generation: Generation): Json {
  const urls = chatbotUrls(origin, generation, row.id);
  const host = `${row.name.toLowerCase().replace(/[^a-z0-9-]+/g, '-')}.${account.number}.api.localhost`;
  const url = `http://${host}/`;
  return {
    created: iso(row.created_at),
    modified: iso(row.updated_at),
    accountNumber: account.number,
    username: usernameOf(account),
    deployed: row.deployed,
    defaultHost: host,
    defaultUrl: url,
    customUrl: null,
    sandboxHost: new URL(origin).host,
    sandboxUrl: urls.base,
    hostname: host,
    // The Python-SDK-era (v0.13) sample has the scheme; v0.14's status no longer lists it.
    ...(isV13(generation) && { scheme: new URL(origin).protocol.replace(/:$/, '') }),
    url,
    [isV13(generation) ? 'urlChatbot' : 'urlLLMClient']: urls.chat,
    // The chat app on the chatbot's own host (the platform's `<url>chatapp/`), once it is deployed.
    // The emulator serves no chat app page; the URL is there so that clients read what they would.
    urlChatapp: row.deployed ? `${url}chatapp/` : null,
    urlChatConfig: urls.config,
    dnsVerificationStatus: DOMAIN_STATUS.dnsVerificationStatus,
  };
}

/** describe's `data`: the manifest as applied, its kind in this generation's words, and `status`. */
export function describeManifest(row: ResourceRow, kind: KindInfo, account: Account, origin: string, generation: Generation): Json {
  const metadata = { ...(row.manifest.metadata as Json), ...(kind.key === 'user' && { username: row.name }) };
  if (kind.key !== 'chatbot') return { apiVersion: 'smarter.sh/v1', kind: kind.name, metadata, spec: row.manifest.spec, status: { created: iso(row.created_at), modified: iso(row.updated_at) } };
  const spec = (row.manifest.spec ?? {}) as Json;
  // v0.13 (the Python SDK's sample) echoes the domain states in spec.config; v0.14 does not.
  const echoed = isV13(generation) ? { ...spec, config: { ...(spec.config as Json), ...DOMAIN_STATUS } } : spec;
  return { apiVersion: 'smarter.sh/v1', kind: kind.name, metadata, spec: echoed, status: chatbotStatus(row, account, origin, generation) };
}

const SECRET = /password|value|apikey|api_key|secret/i;

/** The chatbot settings a get item carries (§6.1's list, in its order). */
const CHATBOT_SETTINGS = [
  'provider',
  'defaultModel',
  'defaultSystemRole',
  'defaultTemperature',
  'defaultMaxTokens',
  'appName',
  'appAssistant',
  'appWelcomeMessage',
  'appExamplePrompts',
  'appPlaceholder',
  'appInfoUrl',
  'appBackgroundImageUrl',
  'appLogoUrl',
  'appFileAttachment',
  'subdomain',
  'customDomain',
];

/** get's item of one resource: camelCase fields, secrets masked. */
export function getItem(row: ResourceRow, account: Account, origin: string, generation: Generation): Json {
  const metadata = row.manifest.metadata as Json;
  const spec = (row.manifest.spec ?? {}) as Json;
  const head = { id: row.id, name: row.name, description: metadata.description ?? null, version: metadata.version ?? null, tags: metadata.tags ?? [], annotations: metadata.annotations ?? [] };
  const tail = { createdAt: iso(row.created_at), updatedAt: iso(row.updated_at) };
  if (row.kind === 'chatbot') {
    // Every field of the platform's serializer, null where the manifest leaves it out.
    const config = (spec.config ?? {}) as Json;
    const settings = Object.fromEntries(CHATBOT_SETTINGS.map((key) => [key, config[key] ?? null]));
    const urls = chatbotUrls(origin, generation, row.id);
    return { ...head, userProfile: usernameOf(account), deployed: row.deployed, ...settings, provider: config.provider ?? 'openai', ...DOMAIN_STATUS, [isV13(generation) ? 'urlChatbot' : 'urlLLMClient']: urls.chat, ...tail };
  }
  // Other kinds: the spec's sections flattened one level (`spec.connection.hostname` → `hostname`).
  const fields: Json = {};
  for (const [key, value] of Object.entries(spec)) {
    const entries = typeof value === 'object' && value !== null && !Array.isArray(value) ? Object.entries(value) : [[key, value] as const];
    for (const [k, v] of entries) fields[k] = SECRET.test(k) && typeof v === 'string' ? '******' : v;
  }
  return { ...head, ...fields, deployed: row.deployed, ...tail };
}

/**
 * `titles` of a get: each field of the items with its Django field class name. The platform takes
 * them from the kind's serializer, so an empty listing has them too: give `template`, an item of the
 * kind, for when there are no items.
 */
export function titlesOf(items: Json[], template?: Json): { name: string; type: string }[] {
  const rows = items.length || !template ? items : [template];
  const names = [...new Set(rows.flatMap((item) => Object.keys(item)))];
  const typeOf = (name: string, v: unknown): string => {
    if (name === 'id') return 'AutoField';
    if (name.endsWith('At')) return 'DateTimeField';
    if (name.endsWith('Status')) return 'ChoiceField';
    if (typeof v === 'boolean') return 'BooleanField';
    if (typeof v === 'number') return Number.isInteger(v) ? 'IntegerField' : 'FloatField';
    if (typeof v === 'string') return 'CharField';
    return 'JSONField';
  };
  // A field null in every item takes its type from the template's value.
  const typed = template ? [...rows, template] : rows;
  return names.map((name) => ({ name, type: typeOf(name, typed.find((i) => i[name] !== null && i[name] !== undefined)?.[name]) }));
}
