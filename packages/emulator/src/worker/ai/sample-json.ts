// A deterministic JSON value fitting a JSON Schema as far as is simple: what the local responder
// puts in a tool call's arguments and in a `json_schema` answer. Objects get their required
// properties only; strings carry `text` (the user's words, or the answer's text), cut or padded to
// the schema's length bounds; numbers their minimum (or 0); booleans false; arrays their minItems
// of samples; `const`, `default` and the first of `enum`, `anyOf` or `oneOf` are taken as they are.
// `$ref`, `pattern`, `format` and the like are not followed: the value is a placeholder, not a proof.

type Schema = Record<string, unknown>;

const isSchema = (value: unknown): value is Schema => !!value && typeof value === 'object' && !Array.isArray(value);
const MAX_DEPTH = 8;

function typeOf(schema: Schema): string | undefined {
  const { type } = schema;
  if (typeof type === 'string') return type;
  // ['string', 'null']: the first that is not null.
  if (Array.isArray(type)) return type.find((t): t is string => typeof t === 'string' && t !== 'null') ?? (type.includes('null') ? 'null' : undefined);
  if (isSchema(schema.properties)) return 'object';
  return undefined;
}

function sampleString(schema: Schema, text: string): string {
  const min = typeof schema.minLength === 'number' ? schema.minLength : 0;
  const max = typeof schema.maxLength === 'number' ? schema.maxLength : Infinity;
  return text.padEnd(min, '.').slice(0, max);
}

function sampleNumber(schema: Schema, integer: boolean): number {
  const value =
    typeof schema.minimum === 'number' ? schema.minimum : typeof schema.exclusiveMinimum === 'number' ? schema.exclusiveMinimum + (integer ? 1 : 0.5) : 0;
  return integer ? Math.ceil(value) : value;
}

/** A value fitting `schema`; `text` fills the strings. */
export function sampleJson(schema: unknown, text: string, depth = 0): unknown {
  if (!isSchema(schema) || depth > MAX_DEPTH) return {};
  if ('const' in schema) return schema.const;
  if ('default' in schema) return schema.default;
  if (Array.isArray(schema.enum) && schema.enum.length) return schema.enum[0];
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (Array.isArray(alternatives) && alternatives.length) return sampleJson(alternatives[0], text, depth + 1);
  switch (typeOf(schema)) {
    case 'string':
      return sampleString(schema, text);
    case 'integer':
      return sampleNumber(schema, true);
    case 'number':
      return sampleNumber(schema, false);
    case 'boolean':
      return false;
    case 'null':
      return null;
    case 'array': {
      const count = typeof schema.minItems === 'number' ? schema.minItems : 0;
      return Array.from({ length: count }, () => sampleJson(schema.items, text, depth + 1));
    }
    default: {
      const properties = isSchema(schema.properties) ? schema.properties : {};
      const required = Array.isArray(schema.required) ? schema.required.filter((k): k is string => typeof k === 'string') : [];
      return Object.fromEntries(required.map((key) => [key, sampleJson(properties[key] ?? {}, text, depth + 1)]));
    }
  }
}
