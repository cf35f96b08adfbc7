// @aerostack/gateway: a plain consumer chat, and a streamed one, each alone.
import { MULTIPART_MARK, PAGINATION_MARK, STREAM_MARK } from '../marks.mjs';

export default [
  {
    name: 'gateway.chatCompletions',
    budget: 4000,
    forbid: [STREAM_MARK, MULTIPART_MARK, PAGINATION_MARK, '/billing/log', 'me/'],
    code: `
      import { AerostackClient } from '@aerostack/core';
      import { chatCompletions } from '@aerostack/gateway';
      const client = new AerostackClient();
      console.log(await chatCompletions(client, { apiSlug: 'my-api', messages: [{ role: 'user', content: 'Hi' }] }, { consumerKey: 'ask_live_x' }));
    `,
  },
  {
    name: 'gateway.chatCompletionsStream',
    budget: 5100, // issue 13's checks: see zz-every-operation.mjs
    target: 5000,
    forbid: [MULTIPART_MARK, PAGINATION_MARK, '/billing/log', 'me/'],
    code: `
      import { AerostackClient } from '@aerostack/core';
      import { chatCompletionsStream } from '@aerostack/gateway';
      const client = new AerostackClient();
      const stream = await chatCompletionsStream(client, { apiSlug: 'my-api', messages: [{ role: 'user', content: 'Hi' }] }, { consumerKey: 'ask_live_x' });
      for await (const chunk of stream) console.log(chunk.choices[0]?.delta.content);
    `,
  },
];
