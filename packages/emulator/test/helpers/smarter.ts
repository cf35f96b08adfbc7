// The Smarter side of the harness: SDK clients on the emulator's Smarter port, in either server
// generation, whose every response is checked against specs/smarter.yaml, and raw requests (for
// wire details the SDK hides), checked the same way.
import { SmarterClient, type Generation, type SmarterClientOptions } from '@smarter/core';
import { afterEach, expect } from 'vitest';
import { SMARTER_DEV_KEYS } from '../../src/index';
import { useEmulator, type Harness } from './emulator';
import { responseProblems, schemaProblems } from './openapi';

export const GENERATIONS: Generation[] = ['v0.13', 'v0.14'];
/** The two dev keys: two accounts. */
export const SMARTER_KEY_A = SMARTER_DEV_KEYS[0] ?? '';
export const SMARTER_KEY_B = SMARTER_DEV_KEYS[1] ?? '';

/** Problems found in responses, reported after each test (a hook must not throw into the client). */
const pending: Promise<string | undefined>[] = [];

async function check(response: Response, method: string): Promise<string | undefined> {
  let text: string;
  try {
    text = await response.text();
  } catch {
    return undefined; // a dropped connection: nothing to check
  }
  if (!response.headers.get('content-type')?.includes('json')) return undefined; // bytes, HTML 404s: checked by the tests
  try {
    const problems = responseProblems(method, new URL(response.url).pathname, response.status, JSON.parse(text), 'smarter');
    return problems.length ? `${method} ${response.url} ${response.status}:\n${problems.join('\n')}\n${text.slice(0, 1500)}` : undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/** One emulator for the file, and the spec check of every Smarter response after each test. */
export function useSmarter(): Harness {
  const harness = useEmulator();
  afterEach(async () => {
    const problems = (await Promise.all(pending.splice(0))).filter((p) => p !== undefined);
    expect(problems).toEqual([]);
  });
  return harness;
}

export interface SmarterClientSetup extends SmarterClientOptions {
  /** `given` (default): the client is told the generation; `detected`: it asks whoami. */
  mode?: 'given' | 'detected';
}

/** An SDK client of the emulator's Smarter API, playing `generation` (the `x-emulator-generation` header). */
export function smarterClient(harness: Harness, generation: Generation, options: SmarterClientSetup = {}): SmarterClient {
  const { mode = 'given', ...rest } = options;
  return new SmarterClient({
    apiKey: SMARTER_KEY_A,
    baseURL: harness.emulator.smarterURL,
    logLevel: 'off',
    ...(mode === 'given' && { generation }),
    ...rest,
    headers: { 'x-emulator-generation': generation, ...rest.headers },
    hooks: { afterResponse: (response, request) => void pending.push(check(response.clone(), request.method)), ...rest.hooks },
  });
}

export interface RawResult {
  status: number;
  headers: Headers;
  text: string;
  /** The parsed body when it is JSON (then checked against the spec), else undefined. */
  json: unknown;
}

export interface RawOptions {
  generation?: Generation;
  /** The key (`Authorization: Token <key>`); null sends no Authorization header. */
  key?: string | null;
  /** A JSON value (sent as JSON) or a string (sent as is). */
  body?: unknown;
  headers?: Record<string, string>;
  /**
   * Where the spec has no operation for the method used: check the answer as the `method` of the
   * same path (GET describe/schema/config, which the spec mentions but declares only as POST), or
   * against a component `schema` (DrfError for a wrong method's 405).
   */
  specAs?: { method?: string; schema?: string };
}

/** A raw request to the Smarter API (`path` after `/api/v1/`); a JSON answer must match the spec. */
export async function raw(harness: Harness, method: string, path: string, options: RawOptions = {}): Promise<RawResult> {
  const { generation = 'v0.14', key = SMARTER_KEY_A, body, headers = {}, specAs = {} } = options;
  const response = await fetch(harness.emulator.smarterURL + path, {
    method,
    headers: {
      'x-emulator-generation': generation,
      ...(key !== null && { authorization: `Token ${key}` }),
      ...(body !== undefined && typeof body !== 'string' && { 'content-type': 'application/json' }),
      ...headers,
    },
    ...(body !== undefined && { body: typeof body === 'string' ? body : JSON.stringify(body) }),
  });
  const text = await response.text();
  const isJson = response.headers.get('content-type')?.includes('json') ?? false;
  const json: unknown = isJson ? JSON.parse(text) : undefined;
  if (isJson) {
    const pathname = new URL(response.url).pathname;
    const problems = specAs.schema ? schemaProblems('smarter', specAs.schema, json) : responseProblems(specAs.method ?? method, pathname, response.status, json, 'smarter');
    if (problems.length) throw new Error(`${method} ${path} ${response.status}: response breaks the spec:\n${problems.join('\n')}\n${text.slice(0, 1500)}`);
  }
  return { status: response.status, headers: response.headers, text, json };
}

/** A chatbot manifest of `generation`'s kind. */
export function chatbotManifest(generation: Generation, name: string, config: Record<string, unknown> = {}) {
  return {
    apiVersion: 'smarter.sh/v1',
    kind: generation === 'v0.13' ? ('Chatbot' as const) : ('LLMClient' as const),
    metadata: { name, description: `The ${name} chatbot`, version: '1.0.0' },
    spec: { config: { deployed: false, defaultModel: 'gpt-4o-mini', defaultSystemRole: 'You are terse.', ...config }, plugins: [], functions: [] },
  };
}
