// @aerostack/storage: an upload, a download and a listing through a namespace import; each must
// tree-shake down to the operation used.
import { MULTIPART_MARK, PAGINATION_MARK, STREAM_MARK } from '../marks.mjs';

// Quoted as esbuild prints them, so that "/storage/get" does not also match "/storage/getUrl".
const paths = ['upload', 'get', 'getUrl', 'list', 'delete', 'exists', 'getMetadata', 'copy', 'move'].map((op) => `"/storage/${op}"`);
const others = (op) => paths.filter((p) => p !== `"/storage/${op}"`);

export default [
  {
    name: 'storage.upload',
    budget: 5000,
    forbid: [...others('upload'), STREAM_MARK, PAGINATION_MARK],
    code: `
      import { AerostackClient } from '@aerostack/core';
      import * as storage from '@aerostack/storage';
      const client = new AerostackClient({ apiKey: 'k' });
      console.log(await storage.upload(client, { key: 'avatars/1.png', file: new Blob(['png']) }));
    `,
  },
  {
    name: 'storage.get',
    budget: 4000,
    forbid: [...others('get'), STREAM_MARK, PAGINATION_MARK, MULTIPART_MARK],
    code: `
      import { AerostackClient } from '@aerostack/core';
      import * as storage from '@aerostack/storage';
      const client = new AerostackClient({ apiKey: 'k' });
      console.log(await (await storage.get(client, { key: 'avatars/1.png' })).text());
    `,
  },
  {
    name: 'storage.list',
    budget: 4200, // issue 13's checks: see zz-every-operation.mjs
    target: 4000,
    forbid: [...others('list'), STREAM_MARK, MULTIPART_MARK],
    code: `
      import { AerostackClient } from '@aerostack/core';
      import * as storage from '@aerostack/storage';
      const client = new AerostackClient({ apiKey: 'k' });
      for await (const object of storage.list(client, { prefix: 'avatars/' })) console.log(object);
    `,
  },
];
