// The core alone: one call of each kind, written as a user would.
import { MULTIPART_MARK, PAGINATION_MARK, STREAM_MARK } from '../marks.mjs';

// The Node transport (node:http, src/node) is reached only through the `node` export condition: a
// browser bundle must hold no Node built-in at all.
const NODE_MARK = 'node:';

export default [
  {
    name: 'core: one JSON call',
    budget: 4000,
    forbid: [STREAM_MARK, MULTIPART_MARK, PAGINATION_MARK, NODE_MARK],
    code: `
      import { AerostackClient, post } from '@aerostack/core';
      const client = new AerostackClient({ apiKey: 'k' });
      console.log(await post(client, '/cache/get', { key: 'a' }));
    `,
  },
  {
    // The same call bundled for Node (esbuild's `node` platform, so the core's `node` export condition):
    // the node entry's node:http transport, logging and printing, all installed as side effects that
    // tree-shaking keeps. Measured at 7310 B (3782 B more than the browser's), then 8054 B with the
    // per-origin request slots (src/node/request-slots.ts, +320 B: both Node transports queue bursts
    // in the client rather than on the server) and the fetch transport's send-again (stale-socket.ts,
    // kept-stream.ts: +420 B); the budget is that plus ~2.5%, to catch growth. The browser budget above stays as it is. The transport knows the
    // reason a stream cancels after `[DONE]` ("after [DONE]"), so the stream canary here is the
    // parser's quoted "[DONE]".
    name: 'core: one JSON call, for Node',
    platform: 'node',
    budget: 8250,
    logging: true,
    require: ['node:http'],
    forbid: [`"${STREAM_MARK}"`, MULTIPART_MARK, PAGINATION_MARK],
    code: `
      import { AerostackClient, post } from '@aerostack/core';
      const client = new AerostackClient({ apiKey: 'k' });
      console.log(await post(client, '/cache/get', { key: 'a' }));
    `,
  },
  {
    // What logging costs a browser bundle that turns it on.
    name: 'core: one JSON call, logging enabled',
    budget: 4200, // + the http:// credential warning (issue 13): ~140 B, only where logging is enabled
    target: 4000,
    logging: true,
    forbid: [STREAM_MARK, MULTIPART_MARK, PAGINATION_MARK, NODE_MARK],
    code: `
      import { AerostackClient, enableLogging, post } from '@aerostack/core';
      enableLogging();
      const client = new AerostackClient({ apiKey: 'k', logLevel: 'debug' });
      console.log(await post(client, '/cache/get', { key: 'a' }));
    `,
  },
  {
    name: 'core: one streaming (SSE) call',
    budget: 5000,
    forbid: [MULTIPART_MARK, PAGINATION_MARK, NODE_MARK],
    code: `
      import { AerostackClient, streamRequest } from '@aerostack/core';
      const client = new AerostackClient({ apiKey: 'k' });
      const stream = await streamRequest(client, { method: 'POST', path: '/ai/chat', body: { stream: true, messages: [] } });
      for await (const chunk of stream) console.log(chunk);
    `,
  },
  {
    name: 'core: one paginated listing',
    budget: 4000,
    forbid: [STREAM_MARK, MULTIPART_MARK, NODE_MARK],
    code: `
      import { AerostackClient, paginate, listCompletePages, post } from '@aerostack/core';
      const client = new AerostackClient({ apiKey: 'k' });
      for await (const key of paginate((cursor) => post(client, '/cache/list', { cursor }), listCompletePages('keys'))) console.log(key);
    `,
  },
  {
    name: 'core: one multipart upload',
    budget: 5000,
    forbid: [STREAM_MARK, PAGINATION_MARK, NODE_MARK],
    code: `
      import { AerostackClient, multipart, request } from '@aerostack/core';
      const client = new AerostackClient({ apiKey: 'k' });
      const form = multipart({ key: 'a.txt', file: new Blob(['hi'], { type: 'text/plain' }) });
      console.log(await request(client, { method: 'POST', path: '/storage/upload', rawBody: form.body, contentType: form.contentType }));
    `,
  },
];
