// @smarter/files: an upload and a listing through a namespace import; each must tree-shake down to
// the operation used. The Smarter client alone is 4.2 kB (one JSON call through @smarter/core).
import { MULTIPART_MARK, PAGINATION_MARK, STREAM_MARK } from '../marks.mjs';

// As esbuild prints them: "files/" is the upload and the listing; the others are templates.
const routes = { create: '"POST",path:"files/"', list: '"GET",path:"files/"', content: '/content/`', byId: '`files/' };
const others = (...ops) => Object.entries(routes).filter(([k]) => !ops.includes(k)).map(([, r]) => r);

export default [
  {
    name: 'files.create',
    // The Smarter client with the core's multipart alone is 4986 B.
    budget: 5300,
    forbid: [...others('create'), STREAM_MARK, PAGINATION_MARK],
    code: `
      import { SmarterClient } from '@smarter/core';
      import * as files from '@smarter/files';
      const client = new SmarterClient({ apiKey: 'k' });
      console.log(await files.create(client, { file: ['input.jsonl', new Blob(['{}']), 'application/jsonl'], purpose: 'fine-tune' }));
    `,
  },
  {
    name: 'files.list',
    budget: 5000,
    forbid: [...others('list'), STREAM_MARK, MULTIPART_MARK],
    code: `
      import { SmarterClient } from '@smarter/core';
      import * as files from '@smarter/files';
      const client = new SmarterClient({ apiKey: 'k' });
      for await (const file of files.list(client, { purpose: 'fine-tune' })) console.log(file.id);
    `,
  },
];
