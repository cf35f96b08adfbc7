import { describe, expect, it } from 'vitest';
import { InvalidRequestError, type SmarterClient } from '@smarter/core';
import * as chatbots from '../src';
import { chatbotManifest, setup } from './helpers';

type Loose = never;
const bad: [string, (c: SmarterClient) => PromiseLike<unknown>, RegExp][] = [
  ['get without a name', (c) => chatbots.get(c, { name: '' }), /^name: a non-empty string is required$/],
  ['prompt of an empty text', (c) => new chatbots.Chatbot(c, chatbotManifest('v0.14') as Loose).prompt(''), /^text: a non-empty string is required$/],
  ['prompt of a non-string', (c) => new chatbots.Chatbot(c, chatbotManifest('v0.14') as Loose).prompt(42 as Loose), /^text/],
  ['describe without a name', (c) => chatbots.describe(c, { name: undefined as Loose }), /^name/],
  ['apply of an empty string', (c) => chatbots.apply(c, ''), /^manifest: a manifest object with a kind, or YAML text$/],
  ['apply of an object without a kind', (c) => chatbots.apply(c, {} as Loose), /^manifest/],
  ['delete without a name', (c) => chatbots.remove(c, { name: '' }), /^name/],
  ['deploy without a name', (c) => chatbots.deploy(c, { name: '' }), /^name/],
  ['undeploy without a name', (c) => chatbots.undeploy(c, { name: '' }), /^name/],
  ['logs without a name', (c) => chatbots.logs(c, { name: '' }), /^name/],
  ['chatConfig without a name', (c) => chatbots.chatConfig(c, { name: '' }), /^name/],
  ['chatConfig with an empty uid', (c) => chatbots.chatConfig(c, { name: 'x', uid: '' }), /^uid/],
  ['chatConfig with a malformed session key', (c) => chatbots.chatConfig(c, { name: 'x', sessionKey: 'xyz' }), /^sessionKey: 64 hexadecimal characters$/],
  ['chatDirect with neither url nor id', (c) => chatbots.chatDirect(c, {} as Loose, { messages: [] }), /^target: \{ url \} or \{ chatbotId \}, one non-empty string$/],
  ['chatDirect with both url and id', (c) => chatbots.chatDirect(c, { url: 'https://x/', chatbotId: 'r1x' } as Loose, { messages: [] }), /^target/],
  ['chatDirect with messages that are not a list', (c) => chatbots.chatDirect(c, { chatbotId: 'r1x' }, { messages: 'Hello' as Loose }), /^messages: an array/],
  ['chatDirect with a malformed session key', (c) => chatbots.chatDirect(c, { url: 'https://x/' }, { messages: [], sessionKey: 'g'.repeat(64) }), /^sessionKey/],
];

describe('bad input is refused before anything is sent (not even the generation detection)', () => {
  it.each(bad)('%s', async (_, call, message) => {
    const { client, fetch } = setup('v0.13', 'unknown', []);
    const error = (await Promise.resolve(call(client)).catch((e: unknown) => e)) as InvalidRequestError;
    expect(error).toBeInstanceOf(InvalidRequestError);
    expect(error.code).toBe('VALIDATION_ERROR');
    expect(error.message).toMatch(message);
    expect(fetch.calls).toHaveLength(0);
  });
});
