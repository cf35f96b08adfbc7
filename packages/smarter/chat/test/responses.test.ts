import { InternalServerError, InvalidRequestError, InvalidResponseError } from '@smarter/core';
import { describe, expect, it } from 'vitest';
import { Chat, createResponse, outputJSON, responses, type ResponseCreateParams, type ResponseObject } from '../src';
import { API, clientWith, json, KEY, rejection, scriptedFetch, sentJSON } from './helpers';

const message = (text: string, id = 'msg_1') => ({
  type: 'message' as const,
  id,
  status: 'completed' as const,
  role: 'assistant' as const,
  content: [{ type: 'output_text' as const, text, annotations: [] }],
});

const response = (text: string, extra: Partial<ResponseObject> = {}): ResponseObject => ({
  id: 'resp_1',
  object: 'response',
  created_at: 1_751_000_000,
  model: 'gpt-4o-mini',
  status: 'completed',
  output: [message(text)],
  output_text: text,
  usage: { input_tokens: 9, output_tokens: 4, total_tokens: 13 },
  ...extra,
});

const PARAMS: ResponseCreateParams = { model: 'gpt-4o-mini', input: "Say 'this is a test'.", instructions: 'Be brief.' };

describe('responses.create', () => {
  it('POSTs the request to responses/ and resolves to the response object, output_text included', async () => {
    const fetch = scriptedFetch(json(response('this is a test')));
    const data = await createResponse(clientWith(fetch), PARAMS);
    expect(data).toEqual(response('this is a test'));
    expect(data.output_text).toBe('this is a test');
    expect(data).not.toHaveProperty('parsed');
    const [req] = fetch.calls;
    expect(fetch.calls).toHaveLength(1);
    expect(req!.method).toBe('POST');
    expect(req!.url).toBe(`${API}responses/`);
    expect(req!.headers.authorization).toBe(`Token ${KEY}`);
    expect(req!.headers['idempotency-key']).toBeUndefined();
    expect(sentJSON(req)).toEqual(PARAMS);
  });

  it("parses the output with the seed's response_format: { type: 'json_object' } and message items", async () => {
    const fetch = scriptedFetch(json(response('{"answer": 42}')));
    const params: ResponseCreateParams = { input: [{ role: 'user', content: 'How much ?' }], model: 'gpt-4o', response_format: { type: 'json_object' } };
    const data = await new Chat(clientWith(fetch)).responses.create<{ answer: number }>(params);
    expect(data.parsed).toEqual({ answer: 42 });
    expect(data.parsed?.answer).toBe(42);
    expect(sentJSON(fetch.calls[0])).toEqual(params);
  });

  it('also for text.format json_object; text.format wins over response_format', async () => {
    const fetch = scriptedFetch(json(response('[1,2]')), json(response('[1,2]')));
    const client = clientWith(fetch);
    expect((await responses.create(client, { ...PARAMS, text: { format: { type: 'json_object' } } })).parsed).toEqual([1, 2]);
    const plain = await responses.create(client, { ...PARAMS, response_format: { type: 'json_object' }, text: { format: { type: 'text' } } });
    expect(plain).not.toHaveProperty('parsed');
  });

  it('output that is not JSON, when JSON was asked for, is an InvalidResponseError carrying the text', async () => {
    const fetch = scriptedFetch(json(response('Sure! {"answer": 42}')));
    const error = await rejection(createResponse(clientWith(fetch), { ...PARAMS, response_format: { type: 'json_object' } }));
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect(error).toMatchObject({ status: 200, body: 'Sure! {"answer": 42}', message: '200: expected JSON output, got "Sure! {"answer": 42}"' });
  });

  it('joins output_text from the output messages when the server leaves it out', async () => {
    const body: Partial<ResponseObject> = response('', { output: [message('Hello, ', 'msg_1'), message('world', 'msg_2')] });
    delete body.output_text;
    const fetch = scriptedFetch(json(body));
    expect((await createResponse(clientWith(fetch), PARAMS)).output_text).toBe('Hello, world');
  });

  it('outputJSON parses any response, and throws InvalidResponseError on bad JSON', () => {
    expect(outputJSON(response('{"a":[1]}'))).toEqual({ a: [1] });
    expect(() => outputJSON(response('nope'))).toThrow(InvalidResponseError);
  });

  it('is not retried (a write)', async () => {
    const fetch = scriptedFetch(json({ error: { errorClass: 'X', description: 'boom' }, api: 'smarter.sh/v1' }, 500), json(response('x')));
    expect(await rejection(createResponse(clientWith(fetch, { maxRetries: 2 }), PARAMS))).toBeInstanceOf(InternalServerError);
    expect(fetch.calls).toHaveLength(1);
  });

  it.each([
    ['model', { ...PARAMS, model: '' }],
    ['input', { ...PARAMS, input: '' }],
    ['input', { ...PARAMS, input: [] }],
    ['input', { model: 'gpt-4o' } as ResponseCreateParams],
    // Not in the type (streaming is not offered): a JavaScript caller or a cast.
    ['stream', { ...PARAMS, stream: true } as ResponseCreateParams],
  ])('rejects a bad %s with a VALIDATION_ERROR before sending', async (field, params) => {
    const fetch = scriptedFetch();
    const error = await rejection(createResponse(clientWith(fetch), params));
    expect(error).toBeInstanceOf(InvalidRequestError);
    expect(error).toMatchObject({ code: 'VALIDATION_ERROR', details: { field } });
    expect(fetch.calls).toHaveLength(0);
  });
});
