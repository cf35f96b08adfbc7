// @aerostack/cache: one read, and one paginated listing, through a namespace import (which must
// tree-shake down to the operation used).
import { MULTIPART_MARK, PAGINATION_MARK, STREAM_MARK } from '../marks.mjs';

// Quoted as esbuild prints them, so that "/cache/get" does not also match "/cache/getMany".
const paths = ['get', 'set', 'delete', 'getMany', 'setMany', 'deleteMany', 'list', 'keys', 'flush', 'expire', 'increment'].map((op) => `"/cache/${op}"`);
const others = (op) => paths.filter((p) => p !== `"/cache/${op}"`);

export default [
  {
    name: 'cache.get',
    budget: 4000,
    forbid: [...others('get'), PAGINATION_MARK, STREAM_MARK, MULTIPART_MARK],
    code: `
      import { AerostackClient } from '@aerostack/core';
      import * as cache from '@aerostack/cache';
      const client = new AerostackClient({ apiKey: 'k' });
      const hit = await cache.get(client, { key: 'greeting' });
      console.log(hit.exists ? hit.value : 'miss');
    `,
  },
  {
    name: 'cache.list',
    budget: 4200, // issue 13's checks: see zz-every-operation.mjs
    target: 4000,
    forbid: [...others('list'), STREAM_MARK, MULTIPART_MARK],
    code: `
      import { AerostackClient } from '@aerostack/core';
      import * as cache from '@aerostack/cache';
      const client = new AerostackClient({ apiKey: 'k' });
      for await (const { key } of cache.list(client, { prefix: 'user:' })) console.log(key);
    `,
  },
];
