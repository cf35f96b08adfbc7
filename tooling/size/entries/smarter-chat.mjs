// @smarter/chat: a chat completion and a response through a namespace import, as the seed reads
// (`chat.completions.create`); each must tree-shake down to the operation used. The Smarter client
// alone is 4.2 kB (one JSON call through @smarter/core); the issue sets no budget, this one guards growth.
import { MULTIPART_MARK, PAGINATION_MARK, STREAM_MARK } from '../marks.mjs';

// Quoted as esbuild prints them (the passthrough is a template literal).
const routes = { completions: '`prompts/passthrough/', responses: '"responses/"' };
const others = (op) => Object.entries(routes).filter(([k]) => k !== op).map(([, r]) => r);

export default [
  {
    name: 'chat.completions.create',
    budget: 4600,
    forbid: [...others('completions'), 'json_object', STREAM_MARK, MULTIPART_MARK, PAGINATION_MARK],
    code: `
      import { SmarterClient } from '@smarter/core';
      import * as chat from '@smarter/chat';
      const client = new SmarterClient({ apiKey: 'k' });
      const completion = await chat.completions.create(client, { model: 'gpt-4o', messages: [{ role: 'user', content: 'Hi' }] });
      console.log(completion.choices[0].message.content);
    `,
  },
  {
    name: 'chat.responses.create',
    budget: 4600,
    forbid: [...others('responses'), STREAM_MARK, MULTIPART_MARK, PAGINATION_MARK],
    code: `
      import { SmarterClient } from '@smarter/core';
      import * as chat from '@smarter/chat';
      const client = new SmarterClient({ apiKey: 'k' });
      const response = await chat.responses.create(client, { model: 'gpt-4o', input: 'How much ?', response_format: { type: 'json_object' } });
      console.log(response.parsed);
    `,
  },
];
