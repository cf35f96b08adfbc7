// Checks a manifest the way the platform's pydantic models do, collecting every problem into one
// 400 SAMValidationError whose description lists them (`spec.config.deployed: required boolean`).
import type { Generation } from '../env';
import type { Json } from '../envelope';
import { badRequest, SmarterError } from '../errors';
import { kindNames, kindOf, type KindInfo } from './kinds';

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Problems found so far, each `path: what is wrong`. */
class Problems {
  readonly list: string[] = [];

  add(path: string, message: string): void {
    this.list.push(`${path}: ${message}`);
  }

  /** The object at `path` (required or not); records a problem and gives undefined when it is not one. */
  object(parent: Json | undefined, key: string, path: string, required: boolean): Json | undefined {
    const v = parent?.[key];
    if (v === undefined || v === null) {
      if (required && parent) this.add(path, 'required object');
      return undefined;
    }
    if (!isObject(v)) this.add(path, 'expected an object');
    return isObject(v) ? v : undefined;
  }

  string(parent: Json | undefined, key: string, path: string, opts: { required?: boolean; nullable?: boolean; max?: number } = {}): void {
    if (!parent) return;
    const v = parent[key];
    if (v === undefined) return opts.required ? this.add(path, 'required string') : undefined;
    if (v === null && opts.nullable) return;
    if (typeof v !== 'string') return this.add(path, 'expected a string');
    if (opts.required && !v.trim()) this.add(path, 'must not be empty');
    if (opts.max !== undefined && v.length > opts.max) this.add(path, `at most ${opts.max} characters`);
  }

  number(parent: Json | undefined, key: string, path: string, opts: { min?: number; max?: number; integer?: boolean } = {}): void {
    const v = parent?.[key];
    if (v === undefined || v === null) return;
    if (typeof v !== 'number' || !Number.isFinite(v) || (opts.integer && !Number.isInteger(v))) return this.add(path, opts.integer ? 'expected an integer' : 'expected a number');
    if (opts.min !== undefined && v < opts.min) this.add(path, `must be at least ${opts.min}`);
    if (opts.max !== undefined && v > opts.max) this.add(path, `must be at most ${opts.max}`);
  }

  boolean(parent: Json | undefined, key: string, path: string, required = false): void {
    if (!parent) return;
    const v = parent[key];
    if (v === undefined || v === null) return required ? this.add(path, 'required boolean') : undefined;
    if (typeof v !== 'boolean') this.add(path, 'expected a boolean');
  }

  strings(parent: Json | undefined, key: string, path: string): void {
    const v = parent?.[key];
    if (v === undefined || v === null) return;
    if (!Array.isArray(v) || v.some((s) => typeof s !== 'string')) this.add(path, 'expected a list of strings');
  }
}

function checkPromptSelector(p: Problems, spec: Json | undefined): void {
  const selector = p.object(spec, 'selector', 'spec.selector', true);
  p.string(selector, 'directive', 'spec.selector.directive', { required: true });
  p.strings(selector, 'searchTerms', 'spec.selector.searchTerms');
  const prompt = p.object(spec, 'prompt', 'spec.prompt', false);
  p.number(prompt, 'temperature', 'spec.prompt.temperature', { min: 0, max: 1 });
  p.number(prompt, 'maxTokens', 'spec.prompt.maxTokens', { min: 1, integer: true });
}

/** Kind-specific checks of `spec`. */
const SPEC_CHECKS: Record<string, (p: Problems, spec: Json | undefined) => void> = {
  chatbot(p, spec) {
    const config = p.object(spec, 'config', 'spec.config', true);
    p.boolean(config, 'deployed', 'spec.config.deployed', true);
    p.string(config, 'provider', 'spec.config.provider');
    p.string(config, 'defaultModel', 'spec.config.defaultModel', { nullable: true });
    p.string(config, 'defaultSystemRole', 'spec.config.defaultSystemRole', { nullable: true });
    p.number(config, 'defaultTemperature', 'spec.config.defaultTemperature', { min: 0, max: 1 });
    p.number(config, 'defaultMaxTokens', 'spec.config.defaultMaxTokens', { min: 1, integer: true });
    p.strings(config, 'appExamplePrompts', 'spec.config.appExamplePrompts');
    p.strings(spec, 'plugins', 'spec.plugins');
    p.strings(spec, 'functions', 'spec.functions');
  },
  plugin(p, spec) {
    checkPromptSelector(p, spec);
    p.object(spec, 'data', 'spec.data', true);
  },
  apiplugin(p, spec) {
    checkPromptSelector(p, spec);
    p.string(spec, 'connection', 'spec.connection', { required: true });
    p.string(p.object(spec, 'apiData', 'spec.apiData', true), 'endpoint', 'spec.apiData.endpoint', { required: true });
  },
  sqlplugin(p, spec) {
    checkPromptSelector(p, spec);
    p.string(spec, 'connection', 'spec.connection', { required: true });
    p.string(p.object(spec, 'sqlData', 'spec.sqlData', true), 'sqlQuery', 'spec.sqlData.sqlQuery', { required: true });
  },
  sqlconnection(p, spec) {
    const c = p.object(spec, 'connection', 'spec.connection', true);
    for (const key of ['dbEngine', 'hostname', 'database', 'username']) p.string(c, key, `spec.connection.${key}`, { required: true });
    p.number(c, 'port', 'spec.connection.port', { min: 1, max: 65535, integer: true });
  },
  apiconnection(p, spec) {
    p.string(p.object(spec, 'connection', 'spec.connection', true), 'baseUrl', 'spec.connection.baseUrl', { required: true });
  },
  secret(p, spec) {
    p.string(p.object(spec, 'config', 'spec.config', true), 'value', 'spec.config.value', { required: true });
  },
  provider(p, spec) {
    const provider = p.object(spec, 'provider', 'spec.provider', true);
    p.string(provider, 'name', 'spec.provider.name', { required: true });
    p.string(provider, 'base_url', 'spec.provider.base_url', { required: true });
  },
  account(p, spec) {
    p.object(spec, 'config', 'spec.config', true);
  },
  user(p, spec) {
    const config = p.object(spec, 'config', 'spec.config', true);
    p.string(config, 'email', 'spec.config.email', { nullable: true });
    p.boolean(config, 'isStaff', 'spec.config.isStaff');
    p.boolean(config, 'isActive', 'spec.config.isActive');
  },
  authtoken(p, spec) {
    const config = p.object(spec, 'config', 'spec.config', true);
    p.boolean(config, 'isActive', 'spec.config.isActive');
    p.string(config, 'username', 'spec.config.username');
  },
};

/** The manifest's kind, after checking the whole manifest; throws one 400 listing every problem. */
export function validateManifest(manifest: Json, generation: Generation): KindInfo {
  const p = new Problems();
  if (manifest.apiVersion !== 'smarter.sh/v1') p.add('apiVersion', `must be "smarter.sh/v1", got ${JSON.stringify(manifest.apiVersion ?? null)}`);
  const kindName = typeof manifest.kind === 'string' ? manifest.kind : undefined;
  const kind = kindName ? kindOf(kindName, generation) : undefined;
  if (!kindName) p.add('kind', 'required string');
  else if (!kind) p.add('kind', `unknown kind "${kindName}" on this server (${generation}); kinds: ${kindNames(generation).join(', ')}`);
  // The history kinds (Chat, Prompt, ...) are made by prompting: their broker is read-only (405).
  else if (kind.storage !== 'manifest') throw new SmarterError(405, 'SAMBrokerReadOnlyError', `${kind.name} is read-only: chats are made by prompting a chatbot`, kind.name, 'apply');
  const metadata = p.object(manifest, 'metadata', 'metadata', true);
  p.string(metadata, 'name', 'metadata.name', { required: true, max: 50 });
  if (metadata && !('description' in metadata)) p.add('metadata.description', 'required (the value may be null)');
  p.string(metadata, 'description', 'metadata.description', { nullable: true, max: 255 });
  p.string(metadata, 'version', 'metadata.version', { required: true });
  p.strings(metadata, 'tags', 'metadata.tags');
  if (metadata?.annotations !== undefined && !(Array.isArray(metadata.annotations) && metadata.annotations.every(isObject))) p.add('metadata.annotations', 'expected a list of single-key maps');
  if (kind?.key.endsWith('plugin') && metadata?.pluginClass !== undefined && !(typeof metadata.pluginClass === 'string' && ['static', 'api', 'sql'].includes(metadata.pluginClass))) p.add('metadata.pluginClass', 'one of static, api, sql');
  const spec = p.object(manifest, 'spec', 'spec', true);
  if (kind && spec) SPEC_CHECKS[kind.key]?.(p, spec);
  if (p.list.length) throw badRequest(`Invalid ${kindName ?? 'manifest'} manifest: ${p.list.join('; ')}`, kind?.name ?? 'None', 'apply');
  // Checked above: a known kind of manifest storage.
  return kind as KindInfo;
}

