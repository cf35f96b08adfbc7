// The brokered CLI commands over manifests: apply, describe, get, delete, deploy, undeploy, logs.
// The history kinds (Chat/Prompt, ChatHistory, ...) are read from the chat sessions (history.ts).
import type { Context } from 'hono';
import type { SmarterAppEnv } from '../env';
import { ok, type Json } from '../envelope';
import { badRequest, notImplemented, notReady } from '../errors';
import { kindNames, kindOf, type Command, type KindInfo } from '../manifests/kinds';
import { parseManifestBody } from '../manifests/parse';
import { exampleRow } from '../manifests/examples';
import { describeManifest, getItem, READ_ONLY_CONFIG, titlesOf } from '../manifests/present';
import { deleteResource, findResource, listResources, setDeployed, upsertResource, type ResourceRow } from '../manifests/store';
import { validateManifest } from '../manifests/validate';
import { chatColumns, deleteChat, describeChat, getChats } from './history';

type C = Context<SmarterAppEnv>;

/** The path's kind in this generation, if the broker implements `command` for it. */
export function kindFor(c: C, command: Command): KindInfo {
  const generation = c.get('generation');
  const asked = c.req.param('kind') ?? '';
  const kind = kindOf(asked, generation);
  if (!kind) throw badRequest(`Unknown kind "${asked}" on this server (${generation}). Kinds: ${kindNames(generation).join(', ')}`, asked, command);
  if (kind.notImplemented.includes(command)) throw notImplemented(kind.name, command);
  return kind;
}

const origin = (c: C) => new URL(c.req.url).origin;

/** The named resource, or the platform's 503 "not found". */
async function named(c: C, kind: KindInfo, command: Command, name = c.req.query('name')): Promise<ResourceRow> {
  if (!name) throw notReady(`${kind.name}: the name is required (?name=...)`, kind.name, command);
  const row = await findResource(c.env.SMARTER, c.get('account').id, kind.key, name);
  if (!row) throw notReady(`${kind.name} ${name} not found`, kind.name, command);
  return row;
}

export async function apply(c: C): Promise<Response> {
  const manifest = parseManifestBody(await c.req.text());
  const generation = c.get('generation');
  const kind = validateManifest(manifest, generation);
  const metadata = manifest.metadata as Json;
  const name = metadata.name as string;
  // `status` is the server's: whatever the manifest says is dropped, and so are the read-only
  // fields a v0.13 describe echoes in a chatbot's spec.config (a described manifest applies again).
  const stored = { ...manifest };
  delete stored.status;
  const spec = manifest.spec as Json;
  if (kind.key === 'chatbot') stored.spec = { ...spec, config: Object.fromEntries(Object.entries(spec.config as Json).filter(([key]) => !READ_ONLY_CONFIG.includes(key))) };
  const previous = await findResource(c.env.SMARTER, c.get('account').id, kind.key, name);
  // A chatbot's deployed state is its spec's; other kinds keep theirs across applies.
  const deployed = kind.key === 'chatbot' ? (spec.config as Json).deployed === true : (previous?.deployed ?? false);
  const row = await upsertResource(c.env.SMARTER, c.get('account').id, kind.key, name, { ...stored, kind: kind.name }, deployed);
  return ok(c, { thing: kind.name, command: 'apply', message: `${kind.name} ${name} applied successfully`, data: describeManifest(row, kind, c.get('account'), origin(c), generation) });
}

export async function describe(c: C): Promise<Response> {
  const kind = kindFor(c, 'describe');
  const data = kind.storage === 'manifest' ? describeManifest(await named(c, kind, 'describe'), kind, c.get('account'), origin(c), c.get('generation')) : await describeChat(c, kind);
  return ok(c, { thing: kind.name, command: 'describe', message: `${kind.name} ${c.req.query('name') ?? c.req.query('session_key') ?? ''} described successfully`, data });
}

export async function get(c: C): Promise<Response> {
  const kind = kindFor(c, 'get');
  // An empty `name=` (the Go CLI always sends one) is no filter.
  const name = c.req.query('name') || undefined;
  const account = c.get('account');
  const generation = c.get('generation');
  const items =
    kind.storage === 'manifest'
      ? (await listResources(c.env.SMARTER, account.id, kind.key, name)).map((row) => getItem(row, account, origin(c), generation))
      : await getChats(c, kind);
  // The columns of the kind's items, for an empty listing: an item made from the example manifest.
  const template = kind.storage === 'manifest' ? getItem(exampleRow(kind, account.id), account, origin(c), generation) : chatColumns(kind);
  // The query as lists, as Django's QueryDict gives it (the Go CLI's i, asc, desc are echoed, not applied).
  const kwargs: Record<string, string[]> = {};
  for (const [k, v] of new URL(c.req.url).searchParams) (kwargs[k] ??= []).push(v);
  const data = { apiVersion: 'smarter.sh/v1', kind: kind.name, name: c.req.query('name') ?? null, metadata: { count: items.length }, kwargs, data: { titles: titlesOf(items, template), items } };
  return ok(c, { thing: kind.name, command: 'get', message: `${kind.plural} got successfully`, data });
}

export async function remove(c: C): Promise<Response> {
  const kind = kindFor(c, 'delete');
  if (kind.storage !== 'manifest') {
    const key = await deleteChat(c, kind);
    return ok(c, { thing: kind.name, command: 'delete', message: `${kind.name} ${key} deleted successfully` });
  }
  const name = kind.key === 'user' ? (c.req.query('username') ?? c.req.query('name')) : c.req.query('name');
  const row = await named(c, kind, 'delete', name);
  await deleteResource(c.env.SMARTER, row.id);
  return ok(c, { thing: kind.name, command: 'delete', message: `${kind.name} ${row.name} deleted successfully` });
}

export function deployment(deployed: boolean) {
  const command = deployed ? 'deploy' : 'undeploy';
  return async (c: C): Promise<Response> => {
    const kind = kindFor(c, command);
    const row = await named(c, kind, command);
    await setDeployed(c.env.SMARTER, row, deployed);
    return ok(c, { thing: kind.name, command, message: `${kind.name} ${row.name} ${command}ed successfully` });
  };
}

export async function logs(c: C): Promise<Response> {
  const kind = kindFor(c, 'logs');
  const name = kind.storage === 'manifest' ? (await named(c, kind, 'logs')).name : (c.req.query('name') ?? c.req.query('session_key') ?? '');
  // The platform's brokers send an empty payload (a stub) for the logs they implement.
  return ok(c, { thing: kind.name, command: 'logs', message: `${kind.name} ${name} successfully retrieved logs`, data: {} });
}

