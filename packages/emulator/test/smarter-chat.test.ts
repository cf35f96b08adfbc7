// @smarter/chat against the emulator: completions through the v0.14 passthrough (absent on
// v0.13: a 404), the documented chat/completions/ route, and responses (text and JSON output).
import { BadRequestError, NotFoundError } from '@smarter/core';
import { Chat, createCompletion, createResponse } from '@smarter/chat';
import { describe, expect, it } from 'vitest';
import { GENERATIONS, raw, smarterClient, useSmarter } from './helpers/smarter';

const emu = useSmarter();
const PARAMS = { model: 'gpt-4o-mini', messages: [{ role: 'system' as const, content: 'Be brief.' }, { role: 'user' as const, content: 'Say this is a test' }] };

describe('completions (prompts/passthrough/<provider>/)', () => {
  it('v0.14: the completion whole, with the envelope api and metadata merged in; deterministic', async () => {
    const c = smarterClient(emu, 'v0.14');
    const { data, requestId } = await createCompletion(c, PARAMS).withResponse();
    expect(data).toMatchObject({ object: 'chat.completion', model: 'gpt-4o-mini', choices: [{ index: 0, finish_reason: 'stop', message: { role: 'assistant', content: 'You said: Say this is a test' } }], api: 'smarter.sh/v1' });
    expect(data.usage).toEqual({ prompt_tokens: 7, completion_tokens: 7, total_tokens: 14 });
    expect(requestId).toMatch(/^[\da-f]{64}$/);
    expect((await new Chat(c).completions.create(PARAMS)).id).toBe(data.id);
    expect((await createCompletion(c, { ...PARAMS, max_tokens: 2 })).choices[0]).toMatchObject({ finish_reason: 'length', message: { content: 'You said:' } });
  });

  it('v0.14: an unknown provider is a NotFoundError; an applied Provider is known', async () => {
    const c = smarterClient(emu, 'v0.14', { maxRetries: 0 });
    await expect(createCompletion(c, { ...PARAMS, provider: 'nobody' })).rejects.toBeInstanceOf(NotFoundError);
    expect((await createCompletion(c, { ...PARAMS, provider: 'googleai' })).object).toBe('chat.completion');
  });

  it('v0.14: a bad body is a 400 naming the field (sent raw: the SDK checks first)', async () => {
    const bad = await raw(emu, 'POST', 'prompts/passthrough/openai/', { body: { model: 'm', messages: [{ role: 'robot', content: 'x' }], temperature: 5 } });
    expect(bad.status).toBe(400);
    expect(bad.text).toMatch(/messages\[0\]\.role.*temperature/);
    expect((await raw(emu, 'POST', 'prompts/passthrough/openai/', { body: '{not json' })).status).toBe(400);
    expect((await raw(emu, 'POST', 'prompts/passthrough/openai/', { body: { ...PARAMS, stream: true } })).status).toBe(400);
  });

  it('v0.13 has no passthrough: a 404 page, a NotFoundError', async () => {
    const c = smarterClient(emu, 'v0.13', { maxRetries: 0 });
    await expect(createCompletion(c, PARAMS)).rejects.toBeInstanceOf(NotFoundError);
    const response = await raw(emu, 'POST', 'prompts/passthrough/openai/', { generation: 'v0.13', body: PARAMS });
    expect([response.status, response.headers.get('content-type')]).toEqual([404, 'text/html; charset=UTF-8']);
  });

  it.each(GENERATIONS)('%s: chat/completions/ (documented contract) answers the bare completion', async (generation) => {
    const response = await raw(emu, 'POST', 'chat/completions/', { generation, body: PARAMS });
    expect(response.status).toBe(200);
    expect(response.json).toMatchObject({ object: 'chat.completion', choices: [{ message: { content: 'You said: Say this is a test' } }] });
    expect(response.json).not.toHaveProperty('api');
  });
});

describe.each(GENERATIONS)('%s: responses', (generation) => {
  const client = () => smarterClient(emu, generation);

  it('text from a string input and instructions', async () => {
    const response = await createResponse(client(), { model: 'gpt-4o-mini', input: "Say 'this is a test'.", instructions: 'Be brief.' });
    expect(response).toMatchObject({ object: 'response', status: 'completed', output_text: "You said: Say 'this is a test'.", instructions: 'Be brief.', usage: { input_tokens: 7, output_tokens: 7, total_tokens: 14 } });
    expect(response.output[0]).toMatchObject({ type: 'message', role: 'assistant', content: [{ type: 'output_text', text: response.output_text }] });
    expect(response).not.toHaveProperty('parsed');
  });

  it("JSON output: the seed's response_format, and text.format (which wins)", async () => {
    const c = new Chat(client());
    const parsed = await c.responses.create<{ answer: string }>({ model: 'gpt-4o', input: [{ role: 'user', content: 'How much?' }], response_format: { type: 'json_object' } });
    expect(parsed.parsed).toEqual({ answer: 'You said: How much?' });
    const text = await c.responses.create({ model: 'gpt-4o', input: 'Hi', response_format: { type: 'json_object' }, text: { format: { type: 'text' } } });
    expect(text.output_text).toBe('You said: Hi');
  });

  it('max_output_tokens cuts the text (status incomplete); a bad input is a BadRequestError', async () => {
    const cut = await createResponse(client(), { model: 'm', input: 'one two three four', max_output_tokens: 3 });
    expect(cut).toMatchObject({ status: 'incomplete', output_text: 'You said: one' });
    const bad = await raw(emu, 'POST', 'responses/', { generation, body: { model: 'm', input: [{ role: 'user' }] } });
    expect(bad.status).toBe(400);
    await expect(createResponse(client(), { model: 'm', input: [{ role: 'robot' as 'user', content: 'x' }] })).rejects.toBeInstanceOf(BadRequestError);
  });
});
