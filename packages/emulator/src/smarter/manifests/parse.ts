// The body of cli/apply: a JSON object, or YAML text (`application/x-yaml`; the Go CLI sends YAML
// labelled `application/json`, which the platform parses anyway, so JSON that fails is tried as YAML).
import { parse as parseYaml } from 'yaml';
import type { Json } from '../envelope';
import { badRequest } from '../errors';

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

export function parseManifestBody(text: string): Json {
  if (!text.trim()) throw badRequest('No YAML manifest provided.', 'None', 'apply');
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    try {
      parsed = parseYaml(text);
    } catch (error) {
      throw badRequest(`The manifest is neither JSON nor YAML: ${(error as Error).message.split('\n')[0] ?? ''}`, 'None', 'apply');
    }
  }
  if (!isObject(parsed)) throw badRequest('The manifest must be a JSON object or a YAML mapping.', 'None', 'apply');
  return parsed;
}
