import { createCompletion, createResponse } from '../src';
import { describeErrors } from './helpers';

const ops = {
  'completions.create': (client: Parameters<typeof createCompletion>[0]) => createCompletion(client, { model: 'gpt-4o', messages: [{ role: 'user', content: 'Hi' }] }),
  'responses.create': (client: Parameters<typeof createResponse>[0]) => createResponse(client, { model: 'gpt-4o', input: 'Hi' }),
};

describeErrors(ops, 'Provider nope');
