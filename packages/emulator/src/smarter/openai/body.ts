// Reading the JSON body of the OpenAI-style routes and collecting field problems into one 400
// ErrorEnvelope (`SmarterValueError: model: required string; messages: ...`).
import type { Context } from 'hono';
import type { Json } from '../envelope';
import { SmarterError } from '../errors';

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

export const invalid = (message: string, command: string) => new SmarterError(400, 'SmarterValueError', message, 'None', command);

export async function jsonObject(c: Context, command: string): Promise<Json> {
  const text = await c.req.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw invalid(text.trim() ? 'The request body is not valid JSON' : 'A JSON body is required', command);
  }
  if (!isObject(body)) throw invalid('The request body must be a JSON object', command);
  return body;
}

/** Field checks over one body; `done()` throws the 400 listing every problem. */
export class Fields {
  readonly problems: string[] = [];

  constructor(
    readonly body: Json,
    private readonly command: string,
  ) {}

  fail(field: string, message: string): undefined {
    this.problems.push(`${field}: ${message}`);
    return undefined;
  }

  string(field: string, required = false): string | undefined {
    const v = this.body[field];
    if (v === undefined || v === null) return required ? this.fail(field, 'required string') : undefined;
    if (typeof v !== 'string' || (required && !v)) return this.fail(field, 'expected a non-empty string');
    return v;
  }

  number(field: string, min: number, max: number, integer = false): number | undefined {
    const v = this.body[field];
    if (v === undefined || v === null) return undefined;
    if (typeof v !== 'number' || !Number.isFinite(v) || (integer && !Number.isInteger(v))) return this.fail(field, integer ? 'expected an integer' : 'expected a number');
    if (v < min || v > max) return this.fail(field, `must be between ${min} and ${max}`);
    return v;
  }

  done(): void {
    if (this.problems.length) throw invalid(this.problems.join('; '), this.command);
  }
}

/** The text of a message's content: a string, or the `text` of its parts. */
export function textOf(content: unknown): string | undefined {
  if (typeof content === 'string') return content;
  if (Array.isArray(content)) return content.map((p) => (isObject(p) && typeof p.text === 'string' ? p.text : '')).join('');
  return content === null ? '' : undefined;
}

export { isObject };
