// Runtime checks of response bodies against specs/aerostack.yaml. The shapes below are the spec's
// response schemas written out by hand (required fields and their JSON types); the compile-time
// half is `Result<Op>` from the types generated from the same spec. Full JSON-schema validation
// would need a YAML parser to read the spec at test time.
import type { OperationId, Result } from '../../../../tooling/spec-types/src/aerostack';

/** A JSON type ('string', 'integer', ... , 'any', unions with '|', optional with a trailing '?'), an array of a shape, or an object of shapes. */
type Shape = string | [Shape] | { [field: string]: Shape };

const SUCCESS = { success: 'boolean' };
const ERROR: Shape = { code: 'string', message: 'string', details: 'object?', field: 'string?', error: 'string?' };

const SHAPES = {
  cacheGet: { value: 'string|null', exists: 'boolean' },
  cacheSet: SUCCESS,
  cacheDelete: SUCCESS,
  cacheGetMany: { results: [{ key: 'string', value: 'any', exists: 'boolean' }] },
  cacheSetMany: { success: 'boolean', count: 'integer' },
  cacheDeleteMany: { success: 'boolean', count: 'integer', deleted: 'integer' },
  cacheList: { keys: [{ key: 'string', expiration: 'integer|null' }], list_complete: 'boolean', cursor: 'string?' },
  cacheKeys: { keys: ['string'], truncated: 'boolean' },
  cacheFlush: { success: 'boolean', deleted: 'integer' },
  cacheExpire: SUCCESS,
  cacheIncrement: { value: 'integer' },
  dbQuery: { results: ['object'], count: 'integer' },
  dbBatch: { results: [{ results: ['any'], success: 'boolean', error: 'string?' }], success: 'boolean' },
  servicesInvoke: { success: 'boolean', result: 'any' },
} satisfies Partial<Record<OperationId, Shape>>;

export type CheckedOp = keyof typeof SHAPES;

export const OPERATION_BY_PATH: Record<string, CheckedOp> = {
  '/cache/get': 'cacheGet',
  '/cache/set': 'cacheSet',
  '/cache/delete': 'cacheDelete',
  '/cache/getMany': 'cacheGetMany',
  '/cache/setMany': 'cacheSetMany',
  '/cache/deleteMany': 'cacheDeleteMany',
  '/cache/list': 'cacheList',
  '/cache/keys': 'cacheKeys',
  '/cache/flush': 'cacheFlush',
  '/cache/expire': 'cacheExpire',
  '/cache/increment': 'cacheIncrement',
  '/db/query': 'dbQuery',
  '/db/batch': 'dbBatch',
  '/services/invoke': 'servicesInvoke',
};

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

/** The places where `value` breaks `shape`, as `path: problem` lines. */
export function violations(shape: Shape, value: unknown, at = '$'): string[] {
  if (typeof shape === 'string') {
    const optional = shape.endsWith('?');
    const allowed = (optional ? shape.slice(0, -1) : shape).split('|');
    if (value === undefined) return optional ? [] : [`${at}: required`];
    const actual = typeOf(value);
    const ok = allowed.includes('any') || allowed.includes(actual) || (actual === 'integer' && allowed.includes('number'));
    return ok ? [] : [`${at}: expected ${allowed.join('|')}, got ${actual}`];
  }
  if (Array.isArray(shape)) {
    if (!Array.isArray(value)) return [`${at}: expected array, got ${typeOf(value)}`];
    return value.flatMap((item, i) => violations(shape[0], item, `${at}[${i}]`));
  }
  if (typeOf(value) !== 'object') return [`${at}: expected object, got ${typeOf(value)}`];
  const record = value as Record<string, unknown>;
  return Object.entries(shape).flatMap(([field, sub]) => violations(sub, record[field], `${at}.${field}`));
}

/** Checks a success body of `op` and hands it back typed as the spec's result. */
export function checkResult<Op extends CheckedOp>(op: Op, body: unknown): Result<Op> {
  const problems = violations(SHAPES[op], body);
  if (problems.length) throw new Error(`${op} response breaks the spec:\n${problems.join('\n')}\n${JSON.stringify(body)}`);
  return body as Result<Op>;
}

export function checkError(body: unknown): { code: string; message: string; details?: Record<string, unknown> } {
  const problems = violations(ERROR, body);
  if (problems.length) throw new Error(`error response breaks the spec:\n${problems.join('\n')}\n${JSON.stringify(body)}`);
  return body as { code: string; message: string; details?: Record<string, unknown> };
}

/** Checks any response of the API by its path and status: the operation's success schema or ErrorResponse. */
export function checkResponse(pathname: string, status: number, body: unknown): void {
  if (status >= 400) {
    checkError(body);
    return;
  }
  const op = OPERATION_BY_PATH[pathname.replace(/^\/v1/, '')];
  if (!op) throw new Error(`no spec operation for ${pathname}`);
  checkResult(op, body);
}
