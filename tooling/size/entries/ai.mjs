// @aerostack/ai: a chat, a streamed chat and a search query through a namespace import; each must
// tree-shake down to the operation used.
import { MULTIPART_MARK, PAGINATION_MARK, STREAM_MARK } from '../marks.mjs';

export default [
  {
    name: 'ai.chat',
    budget: 4000,
    forbid: ['/ai/search', STREAM_MARK, MULTIPART_MARK, PAGINATION_MARK],
    code: `
      import { AerostackClient } from '@aerostack/core';
      import * as ai from '@aerostack/ai';
      const client = new AerostackClient({ apiKey: 'k' });
      console.log(await ai.chat(client, { messages: [{ role: 'user', content: 'Hi' }] }));
    `,
  },
  {
    name: 'ai.chatStream',
    budget: 5000,
    forbid: ['/ai/search', MULTIPART_MARK, PAGINATION_MARK],
    code: `
      import { AerostackClient } from '@aerostack/core';
      import * as ai from '@aerostack/ai';
      const client = new AerostackClient({ apiKey: 'k' });
      const stream = await ai.chatStream(client, { messages: [{ role: 'user', content: 'Hi' }], includeUsage: true });
      for await (const chunk of stream) console.log(chunk);
    `,
  },
  {
    name: 'ai.search.query',
    budget: 4000,
    // Quoted as esbuild prints it, so that the query path itself does not match.
    forbid: ['/ai/chat', ...['ingest', 'update', 'get', 'count', 'delete', 'deleteByType', 'listTypes', 'configure'].map((op) => `"/ai/search/${op}"`), STREAM_MARK, MULTIPART_MARK, PAGINATION_MARK],
    code: `
      import { AerostackClient } from '@aerostack/core';
      import * as ai from '@aerostack/ai';
      const client = new AerostackClient({ apiKey: 'k' });
      console.log(await ai.searchQuery(client, { text: 'refund policy', topK: 3 }));
    `,
  },
];
