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

function chatbotStatus(row: ResourceRow, account: Account, origin: string, generation: Generation): Json {
  const urls = chatbotUrls(origin, generation, row.id);
  const host = `${row.name.toLowerCase().replace(/[^a-z0-9-]+/g, '-')}.${account.number}.api.localhost`;
  return {
    created: iso(row.created_at),
    modified: iso(row.updated_at),
    accountNumber: account.number,
    username: usernameOf(account),
    deployed: row.deployed,
    defaultHost: host,
    defaultUrl: `http://${host}/`,
    customUrl: null,
    sandboxHost: new URL(origin).host,
    sandboxUrl: urls.base,
    hostname: host,
    url: `http://${host}/`,
    [isV13(generation) ? 'urlChatbot' : 'urlLLMClient']: urls.chat,
    urlChatapp: null,
    urlChatConfig: urls.config,
    dnsVerificationStatus: 'Not Necessary',
  };
}

/** describe's `data`: the manifest as applied, its kind in this generation's words, and `status`. */
export function describeManifest(row: ResourceRow, kind: KindInfo, account: Account, origin: string, generation: Generation): Json {
  const metadata = { ...(row.manifest.metadata as Json), ...(kind.key === 'user' && { username: row.name }) };
  const status = kind.key === 'chatbot' ? chatbotStatus(row, account, origin, generation) : { created: iso(row.created_at), modified: iso(row.updated_at) };
  return { apiVersion: 'smarter.sh/v1', kind: kind.name, metadata, spec: row.manifest.spec, status };
}

const SECRET = /password|value|apikey|api_key|secret/i;

/** get's item of one resource: camelCase fields, secrets masked. */
export function getItem(row: ResourceRow, account: Account, origin: string, generation: Generation): Json {
  const metadata = row.manifest.metadata as Json;
  const spec = (row.manifest.spec ?? {}) as Json;
  const head = { id: row.id, name: row.name, description: metadata.description ?? null, version: metadata.version ?? null, tags: metadata.tags ?? [], annotations: metadata.annotations ?? [] };
  const tail = { createdAt: iso(row.created_at), updatedAt: iso(row.updated_at) };
  if (row.kind === 'chatbot') {
    const config = (spec.config ?? {}) as Json;
    const settings = Object.fromEntries(Object.entries(config).filter(([key]) => key !== 'deployed'));
    const urls = chatbotUrls(origin, generation, row.id);
    return { ...head, userProfile: usernameOf(account), deployed: row.deployed, provider: 'openai', ...settings, [isV13(generation) ? 'urlChatbot' : 'urlLLMClient']: urls.chat, ...tail };
  }
  // Other kinds: the spec's sections flattened one level (`spec.connection.hostname` → `hostname`).
  const fields: Json = {};
  for (const [key, value] of Object.entries(spec)) {
    const entries = typeof value === 'object' && value !== null && !Array.isArray(value) ? Object.entries(value) : [[key, value] as const];
    for (const [k, v] of entries) fields[k] = SECRET.test(k) && typeof v === 'string' ? '******' : v;
  }
  return { ...head, ...fields, deployed: row.deployed, ...tail };
}

/** `titles` of a get: each field of the items with its Django field class name. */
export function titlesOf(items: Json[]): { name: string; type: string }[] {
  const names = [...new Set(items.flatMap((item) => Object.keys(item)))];
  const typeOf = (name: string, v: unknown): string => {
    if (name === 'id') return 'AutoField';
    if (name.endsWith('At')) return 'DateTimeField';
    if (typeof v === 'boolean') return 'BooleanField';
    if (typeof v === 'number') return Number.isInteger(v) ? 'IntegerField' : 'FloatField';
    if (typeof v === 'string') return 'CharField';
    return 'JSONField';
  };
  return names.map((name) => ({ name, type: typeOf(name, items.find((i) => i[name] !== null && i[name] !== undefined)?.[name]) }));
}
