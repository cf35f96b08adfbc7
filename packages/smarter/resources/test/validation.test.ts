import { describe, expect, it } from 'vitest';
import { InvalidRequestError, type SmarterClient } from '@smarter/core';
import * as resources from '../src';
import { setup } from './helpers';

type Loose = never;
const bad: [string, (c: SmarterClient) => PromiseLike<unknown>, RegExp][] = [
  ['apply of an empty string', (c) => resources.apply(c, '  \n'), /manifest: a manifest object with a kind, or YAML text/],
  ['apply of a manifest without a kind', (c) => resources.apply(c, { metadata: {} } as Loose), /manifest/],
  ['apply of null', (c) => resources.apply(c, null as Loose), /manifest/],
  ['get without a kind', (c) => resources.get(c, { kind: '' }), /kind: a non-empty string is required/],
  ['describe without a name', (c) => resources.describe(c, { kind: 'Chatbot', name: '' }), /name: a non-empty string is required/],
  ['describe without a kind', (c) => resources.describe(c, { kind: undefined as Loose, name: 'x' }), /kind: a non-empty string is required/],
  ['delete without a name', (c) => resources.remove(c, { kind: 'Chatbot' }), /name \(username for a User, sessionKey for a Chat \/ Prompt\) is required/],
  ['delete with a malformed session key', (c) => resources.remove(c, { kind: 'Chat', sessionKey: 'abc' }), /sessionKey: 64 hexadecimal characters/],
  ['deploy without a name', (c) => resources.deploy(c, { kind: 'Chatbot', name: '' }), /name/],
  ['undeploy without a kind', (c) => resources.undeploy(c, { kind: '', name: 'x' }), /kind/],
  ['logs without a name', (c) => resources.logs(c, { kind: 'Secret', name: undefined as Loose }), /name/],
  ['exampleManifest without a kind', (c) => resources.exampleManifest(c, { kind: '' }), /kind/],
  ['jsonSchema without a kind', (c) => resources.jsonSchema(c, { kind: 42 as Loose }), /kind/],
];

describe('bad input is refused before anything is sent (not even the generation detection)', () => {
  it.each(bad)('%s', async (_, call, message) => {
    const { client, fetch } = setup('v0.14', 'unknown', []);
    const error = (await Promise.resolve(call(client)).catch((e: unknown) => e)) as InvalidRequestError;
    expect(error).toBeInstanceOf(InvalidRequestError);
    expect(error.code).toBe('VALIDATION_ERROR');
    expect(error.message).toMatch(message);
    expect(fetch.calls).toHaveLength(0);
  });
});
