// The JSON Schema of a kind's manifest (cli/schema, cli/json-schema), derived from its example: the
// envelope of every manifest, and `spec` typed as the example's values are.
import type { Json } from '../envelope';
import { exampleManifest } from './examples';
import type { KindInfo } from './kinds';

function schemaOf(value: unknown): Json {
  if (Array.isArray(value)) return { type: 'array', items: value.length ? schemaOf(value[0]) : {} };
  if (value === null) return {};
  if (typeof value === 'object') {
    const properties = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, schemaOf(v)]));
    return { type: 'object', properties, additionalProperties: true };
  }
  if (typeof value === 'number') return { type: Number.isInteger(value) ? 'integer' : 'number' };
  return { type: typeof value };
}

export function jsonSchema(kind: KindInfo): Json {
  const example = exampleManifest(kind);
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    title: `${kind.name} manifest`,
    type: 'object',
    required: ['apiVersion', 'kind', 'metadata', 'spec'],
    properties: {
      apiVersion: { type: 'string', const: 'smarter.sh/v1' },
      kind: { type: 'string', const: kind.name },
      metadata: {
        type: 'object',
        required: ['name', 'description', 'version'],
        properties: {
          name: { type: 'string', maxLength: 50 },
          description: { type: ['string', 'null'] },
          version: { type: 'string' },
          tags: { type: 'array', items: { type: 'string' } },
          annotations: { type: 'array', items: { type: 'object' } },
        },
      },
      spec: schemaOf(example.spec),
      status: { type: 'object', readOnly: true },
    },
  };
}
