// Validates the emulator's responses against specs/*.yaml with a JSON-schema validator (Ajv,
// draft 2020-12, the dialect of OpenAPI 3.1): the operation is found by method and path, the
// schema by status (exact, then `4XX`, then `default`), and the body must match it in full.
import { readFileSync } from 'node:fs';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { parse } from 'yaml';
import type { OperationId, Result } from '../../../../tooling/spec-types/src/aerostack';

export type SpecName = 'aerostack' | 'smarter';

interface Operation {
  spec: SpecName;
  method: string;
  /** The operation's full pathname on the server (its server's base path + the spec path). */
  pattern: RegExp;
  template: string;
  operationId: string;
  responses: Record<string, unknown>;
}

type Json = Record<string, unknown>;

// ajv-formats is CommonJS with `exports.default`; under NodeNext the default import is the module object.
const addFormats = (addFormatsModule as unknown as { default: typeof addFormatsModule }).default;
const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];
const operations: Operation[] = [];
const documents = new Map<SpecName, Json>();

function basePath(servers: unknown): string {
  const url = (servers as { url: string }[] | undefined)?.[0]?.url;
  return url ? new URL(url).pathname.replace(/\/$/, '') : '';
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^$()|[\]\\]/g, '\\$&');

function load(spec: SpecName): void {
  const doc = parse(readFileSync(new URL(`../../../../specs/${spec}.yaml`, import.meta.url), 'utf8')) as Json;
  documents.set(spec, doc);
  ajv.addSchema(doc, spec);
  for (const [template, item] of Object.entries(doc.paths as Record<string, Json>)) {
    for (const method of METHODS) {
      const op = item[method] as Json | undefined;
      if (!op) continue;
      const base = basePath(op.servers ?? item.servers ?? doc.servers);
      const pattern = new RegExp('^' + (base + template).split(/\{[^}]+\}/).map(escapeRegExp).join('[^/]+') + '$');
      operations.push({ spec, method: method.toUpperCase(), pattern, template, operationId: op.operationId as string, responses: op.responses as Json });
    }
  }
}
load('aerostack');
load('smarter');

const pointer = (...segments: string[]) => segments.map((s) => encodeURIComponent(s.replace(/~/g, '~0').replace(/\//g, '~1'))).join('/');

function resolveResponse(spec: SpecName, response: unknown): { where: string; value: Json } | undefined {
  const ref = (response as { $ref?: string } | undefined)?.$ref;
  if (!ref) return undefined;
  const name = ref.replace('#/components/responses/', '');
  const value = ((documents.get(spec)?.components as Json).responses as Json)[name] as Json;
  return { where: `#/components/responses/${pointer(name)}`, value };
}

const validators = new Map<string, ValidateFunction | null>();

/**
 * The error schema of each spec, for an error status an operation does not declare (an injected
 * fault's 503, say) and for paths no operation has (404): the platform's general error shape.
 */
const GENERAL_ERROR: Record<SpecName, string> = { aerostack: 'ErrorResponse', smarter: 'ErrorEnvelope' };

const componentValidator = (spec: SpecName, name: string) => ajv.getSchema(`${spec}#/components/schemas/${pointer(name)}`);

/** The compiled schema of one response, or null when the response declares no JSON body. */
function validatorFor(op: Operation, status: number): ValidateFunction | null {
  const statusKey = [String(status), `${String(status)[0]}XX`, 'default'].find((k) => k in op.responses);
  if (!statusKey && status >= 400) return componentValidator(op.spec, GENERAL_ERROR[op.spec]) ?? null;
  if (!statusKey) throw new Error(`${op.operationId} (${op.method} ${op.template}) declares no response ${status}`);
  const id = `${op.spec}:${op.operationId}:${statusKey}`;
  if (!validators.has(id)) {
    const declared = op.responses[statusKey];
    const resolved = resolveResponse(op.spec, declared);
    const where = resolved?.where ?? `#/paths/${pointer(op.template)}/${op.method.toLowerCase()}/responses/${pointer(statusKey)}`;
    const content = ((resolved?.value ?? declared) as { content?: Json }).content;
    const json = content && Object.keys(content).find((type) => type.includes('json'));
    validators.set(id, json ? ajv.compile({ $ref: `${op.spec}${where}/content/${pointer(json)}/schema` }) : null);
  }
  return validators.get(id) ?? null;
}

export function findOperation(method: string, pathname: string, spec?: SpecName): Operation | undefined {
  return operations.find((op) => (!spec || op.spec === spec) && op.method === method.toUpperCase() && op.pattern.test(pathname));
}

/** Where `body` breaks the spec's schema for this response, as readable lines (empty when it fits). */
export function responseProblems(method: string, pathname: string, status: number, body: unknown, spec?: SpecName): string[] {
  const op = findOperation(method, pathname, spec);
  if (!op && status < 400) throw new Error(`no operation in specs/ for ${method} ${pathname}`);
  const validate = op ? validatorFor(op, status) : componentValidator(spec ?? 'aerostack', GENERAL_ERROR[spec ?? 'aerostack']);
  if (!validate || validate(body)) return [];
  return (validate.errors ?? []).map((e) => `${op?.operationId ?? 'unknown route'} ${status} ${e.instancePath || '$'}: ${e.message ?? 'invalid'} ${JSON.stringify(e.params)}`);
}

/**
 * The same, from the body's text: a response the spec declares without a JSON body (raw bytes of
 * storage.get, say) is not parsed; one it declares with JSON must parse.
 */
export function responseTextProblems(method: string, pathname: string, status: number, text: string, spec?: SpecName): string[] {
  const op = findOperation(method, pathname, spec);
  if (op && status < 400 && !validatorFor(op, status)) return [];
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return [`${method} ${pathname} ${status}: the body is not JSON: ${text.slice(0, 200)}`];
  }
  return responseProblems(method, pathname, status, body, spec);
}

/** Throws when the response breaks the spec. */
export function checkResponse(method: string, pathname: string, status: number, body: unknown, spec?: SpecName): void {
  const problems = responseProblems(method, pathname, status, body, spec);
  if (problems.length) throw new Error(`${method} ${pathname} ${status}: response breaks the spec:\n${problems.join('\n')}\n${JSON.stringify(body).slice(0, 2000)}`);
}

/** Validates one value against a named component schema (`#/components/schemas/<name>`). */
export function schemaProblems(spec: SpecName, name: string, value: unknown): string[] {
  const validate = componentValidator(spec, name);
  if (!validate) throw new Error(`no schema ${name} in specs/${spec}.yaml`);
  return validate(value) ? [] : (validate.errors ?? []).map((e) => `${name} ${e.instancePath || '$'}: ${e.message ?? 'invalid'} ${JSON.stringify(e.params)}`);
}

/** Throws unless `value` matches the named component schema; hands it back typed as the caller says. */
export function checkSchema<T>(spec: SpecName, name: string, value: T): T {
  const problems = schemaProblems(spec, name, value);
  if (problems.length) throw new Error(`breaks the spec:\n${problems.join('\n')}\n${JSON.stringify(value).slice(0, 2000)}`);
  return value;
}

export interface ErrorBody {
  code: string;
  message: string;
  details?: Record<string, unknown>;
}

/** An Aerostack error body, checked against the spec's ErrorResponse. */
export function checkError(body: unknown): ErrorBody {
  return checkSchema('aerostack', 'ErrorResponse', body) as ErrorBody;
}

/** Checks a success body of an Aerostack operation (by operationId) and hands it back typed as the spec's result. */
export function checkResult<Op extends OperationId>(operationId: Op, body: unknown): Result<Op> {
  const op = operations.find((o) => o.spec === 'aerostack' && o.operationId === operationId);
  if (!op) throw new Error(`no operation ${operationId} in specs/aerostack.yaml`);
  const validate = validatorFor(op, 200);
  if (validate && !validate(body)) throw new Error(`${operationId} response breaks the spec: ${ajv.errorsText(validate.errors)}\n${JSON.stringify(body).slice(0, 2000)}`);
  return body as Result<Op>;
}
