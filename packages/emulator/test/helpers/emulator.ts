// One emulator per test file, clients that check every response they get against the spec, and
// the control routes.
import { AerostackClient, type ClientOptions } from '@aerostack/core';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { startEmulator, type Emulator, type EmulatorOptions } from '../../src/index';
import { checkResponse, responseTextProblems } from './openapi';

export const KEY_A = 'ac_secret_test_project_a';
export const KEY_B = 'ac_secret_test_project_b';

export interface Harness {
  emulator: Emulator;
  /** Milliseconds from startEmulator() to ready. */
  startupMs: number;
}

/** Responses seen by the clients, checked after each test (a hook must not throw into the client). */
const pending: Promise<string | undefined>[] = [];

async function checkLater(response: Response, method: string): Promise<string | undefined> {
  let text: string;
  try {
    text = await response.text();
  } catch {
    return undefined; // a dropped connection: nothing to check
  }
  // SSE streams are checked frame by frame by the tests.
  if (response.headers.get('content-type')?.startsWith('text/event-stream')) return undefined;
  try {
    return responseTextProblems(method, new URL(response.url).pathname, response.status, text).join('\n') || undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

export function useEmulator(options: EmulatorOptions = {}): Harness {
  const harness = {} as Harness;
  beforeAll(async () => {
    const started = Date.now();
    harness.emulator = await startEmulator({ aerostackPort: 0, smarterPort: 0, inMemory: true, keys: [KEY_A, KEY_B], ...options });
    harness.startupMs = Date.now() - started;
    console.log(`emulator ready in ${harness.startupMs} ms at ${harness.emulator.aerostackURL}`);
  });
  afterAll(async () => {
    await harness.emulator.stop();
  });
  afterEach(async () => {
    const problems = (await Promise.all(pending.splice(0))).filter((p) => p !== undefined);
    expect(problems).toEqual([]);
  });
  return harness;
}

/** An SDK client on the emulator; every response it receives is checked against the spec. */
export function client(harness: Harness, apiKey = KEY_A, options: ClientOptions = {}): AerostackClient {
  return new AerostackClient({
    apiKey,
    baseURL: harness.emulator.aerostackURL,
    logLevel: 'off',
    ...options,
    hooks: { afterResponse: (response, request) => void pending.push(checkLater(response.clone(), request.method)), ...options.hooks },
  });
}

/** A raw POST (bodies the SDK would refuse to send), its JSON body checked against the spec. */
export async function rawPost(harness: Harness, path: string, body: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: Headers; json: unknown }> {
  const response = await fetch(harness.emulator.aerostackURL + path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-aerostack-key': KEY_A, ...headers },
    body,
  });
  const json = (await response.json()) as unknown;
  checkResponse('POST', new URL(response.url).pathname, response.status, json);
  return { status: response.status, headers: response.headers, json };
}

const controlURL = (harness: Harness, path: string) => harness.emulator.aerostackURL.replace(/\/v1$/, '') + '/__emulator' + path;

export async function control(harness: Harness, method: string, path: string, body?: unknown): Promise<unknown> {
  const response = await fetch(controlURL(harness, path), {
    method,
    ...(body === undefined ? {} : { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } }),
  });
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  return response.json();
}

export interface WriteRow {
  project: string;
  route: string;
  idempotency_key: string | null;
  at: number;
}

export async function writes(harness: Harness, key = KEY_A): Promise<WriteRow[]> {
  const body = (await control(harness, 'GET', `/writes?project=${encodeURIComponent(key)}`)) as { writes: WriteRow[] };
  return body.writes;
}
