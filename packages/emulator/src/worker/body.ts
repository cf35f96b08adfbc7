// Reading a JSON request body and checking its fields, with the spec's limits. Each failure is
// collected as `fieldErrors[field]`; `done()` throws one VALIDATION_ERROR listing them all.
import type { Context } from 'hono';
import { validationError, type FieldErrors } from './errors';

export type Json = Record<string, unknown>;

/** The body as a JSON object. An empty body is `{}` (the routes then say which fields are missing). */
export async function readBody(c: Context): Promise<Json> {
  const text = await c.req.text();
  if (!text.trim()) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw validationError({ body: ['Invalid JSON'] });
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw validationError({ body: ['Expected a JSON object'] });
  return parsed as Json;
}

const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v);

/** Field checks over one body; each returns the typed value (or undefined) and records failures. */
export class Checker {
  constructor(
    private readonly body: Json,
    readonly errors: FieldErrors = {},
    readonly prefix = '',
  ) {}

  fail(field: string, message: string): undefined {
    (this.errors[this.prefix + field] ??= []).push(message);
    return undefined;
  }

  has(field: string): boolean {
    return field in this.body && this.body[field] !== undefined;
  }

  /** Any JSON value; must be present (null allowed). */
  value(field: string): unknown {
    if (!this.has(field)) this.fail(field, 'Required');
    return this.body[field];
  }

  string(field: string, opts: { required?: boolean; nonEmpty?: boolean } = {}): string | undefined {
    const v = this.body[field];
    if (v === undefined) return opts.required ? this.fail(field, 'Required') : undefined;
    if (typeof v !== 'string') return this.fail(field, 'Expected string');
    if ((opts.nonEmpty ?? opts.required) && !v) return this.fail(field, 'Must not be empty');
    return v;
  }

  int(field: string, opts: { required?: boolean; min?: number; max?: number } = {}): number | undefined {
    const v = this.body[field];
    if (v === undefined) return opts.required ? this.fail(field, 'Required') : undefined;
    if (!isInt(v)) return this.fail(field, 'Expected integer');
    if (opts.min !== undefined && v < opts.min) return this.fail(field, `Must be at least ${opts.min}`);
    if (opts.max !== undefined && v > opts.max) return this.fail(field, `Must be at most ${opts.max}`);
    return v;
  }

  array(field: string, opts: { required?: boolean; max?: number } = {}): unknown[] | undefined {
    const v = this.body[field];
    if (v === undefined) return opts.required ? this.fail(field, 'Required') : undefined;
    if (!Array.isArray(v)) return this.fail(field, 'Expected array');
    if (opts.max !== undefined && v.length > opts.max) return this.fail(field, `At most ${opts.max} items, got ${v.length}`);
    return v as unknown[];
  }

  /** Non-empty strings, each checked as `field[i]`. */
  stringArray(field: string, max: number): string[] {
    const items = this.array(field, { required: true, max }) ?? [];
    items.forEach((item, i) => {
      if (typeof item !== 'string' || !item) this.fail(`${field}[${i}]`, 'Expected non-empty string');
    });
    return items as string[];
  }

  /** Throws the collected VALIDATION_ERROR, if any. */
  done(): void {
    if (Object.keys(this.errors).length) throw validationError(this.errors);
  }
}

/**
 * Checks `item` (an element of an array field, or an object field) as an object of its own,
 * reporting as `prefix.field` (after the parent's own prefix, so nested ones read `a[0].b.c`).
 */
export function nested(parent: Checker, prefix: string, item: unknown): Checker | undefined {
  if (!item || typeof item !== 'object' || Array.isArray(item)) {
    parent.fail(prefix, 'Expected object');
    return undefined;
  }
  return new Checker(item as Json, parent.errors, `${parent.prefix}${prefix}.`);
}
