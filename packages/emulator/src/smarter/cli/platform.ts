// The non-brokered CLI views: whoami, status, version; and the docs views (example manifests and
// JSON schemas, which need no key).
import type { Context } from 'hono';
import { whoamiOf } from '../account';
import type { SmarterAppEnv } from '../env';
import { ok } from '../envelope';
import { isV13 } from '../generation';
import { exampleManifest } from '../manifests/examples';
import { jsonSchema } from '../manifests/json-schema';
import { kindFor } from './manifests';

type C = Context<SmarterAppEnv>;

export const whoami = (c: C) => ok(c, { thing: 'None', command: 'whoami', data: whoamiOf(c.get('account')) });

export const status = (c: C) =>
  ok(c, {
    thing: 'None',
    command: 'status',
    data: {
      infrastructures: { kubernetes: 'emulated', mysql: 'emulated (Cloudflare D1)', redis: 'emulated' },
      compute: { machine: 'workerd', release: 'emulator', platform: 'miniflare', processor: 'workerd', system: 'workerd', version: 'emulator' },
    },
  });

export const version = (c: C) =>
  ok(c, {
    thing: 'None',
    command: 'version',
    data: { api: { version: isV13(c.get('generation')) ? '0.13.223' : '0.14.19', python: { emulator: 'aerostack-emulator' } }, cli: { version: '0.2.1' } },
  });

export function example(c: C): Response {
  const kind = kindFor(c, 'get');
  return ok(c, { thing: kind.name, command: 'example_manifest', message: `${kind.name} example manifest successfully generated`, data: exampleManifest(kind) });
}

export function schema(c: C): Response {
  const kind = kindFor(c, 'get');
  return ok(c, { thing: kind.name, command: isV13(c.get('generation')) ? 'schema' : 'json_schema', data: jsonSchema(kind) });
}
