// @aerostack/collections: a paged listing, one read and one write, each from the package's main
// entry (no realtime in them), and a subscription from `@aerostack/collections/realtime`.
import { MULTIPART_MARK, PAGINATION_MARK, REALTIME_MARK, STREAM_MARK } from '../marks.mjs';

// The methods as the operations write them in `request(client, { method })`.
const METHOD = { get: '"GET"', create: '"POST"', update: '"PUT"', remove: '"DELETE"' };
const REALTIME_CODE = '"subscribe"';

export default [
  {
    name: 'collections.list',
    // 4,636 B: ~500 B over cache.list, the list's own checks and messages (where filters, limit,
    // offset) and the offset pages over a bare array. The 4 kB stays its target.
    budget: 4700,
    target: 4000,
    // Only its own route: no realtime (the bundle of an app that only lists carries none).
    forbid: [METHOD.update, METHOD.remove, REALTIME_MARK, REALTIME_CODE, STREAM_MARK, MULTIPART_MARK],
    require: [PAGINATION_MARK, '/items'],
    code: `
      import { AerostackClient } from '@aerostack/core';
      import { collection, list } from '@aerostack/collections';
      const orders = collection('orders');
      for await (const order of list(new AerostackClient({ apiKey: 'k' }), orders, { where: { status: 'open' }, limit: 50 })) console.log(order.id);
    `,
  },
  {
    name: 'collections.get',
    budget: 4000,
    forbid: [METHOD.update, METHOD.remove, PAGINATION_MARK, REALTIME_MARK, REALTIME_CODE, STREAM_MARK, MULTIPART_MARK],
    require: ['/collections/items/'],
    code: `
      import { AerostackClient } from '@aerostack/core';
      import * as collections from '@aerostack/collections';
      const order = await collections.get(new AerostackClient({ apiKey: 'k' }), 'orders', 'o_1');
      console.log(order.id);
    `,
  },
  {
    name: 'collections.create',
    budget: 4000,
    forbid: [METHOD.update, METHOD.remove, PAGINATION_MARK, REALTIME_MARK, REALTIME_CODE, STREAM_MARK, MULTIPART_MARK],
    require: [METHOD.create],
    code: `
      import { AerostackClient } from '@aerostack/core';
      import * as collections from '@aerostack/collections';
      const order = await collections.create(new AerostackClient({ apiKey: 'k' }), collections.collection('orders'), { status: 'open' });
      console.log(order.id);
    `,
  },
  {
    name: 'collections/realtime: connect + subscribe',
    // realtime's connect + subscribeTable (3,450) and the name check.
    budget: 3650, // 3,542 B, then 3,604 B with realtime's per-topic routing (a frame costs the same with 500 rooms)
    realtime: true,
    forbid: [PAGINATION_MARK, METHOD.update, 'public/realtime/history', 'presence:'], // ("DELETE" is realtime's own: an operation)
    require: [REALTIME_MARK, REALTIME_CODE],
    code: `
      import { AerostackClient } from '@aerostack/core';
      import { connect } from '@aerostack/realtime';
      import { subscribe } from '@aerostack/collections/realtime';
      const live = connect(new AerostackClient({ apiKey: 'k' }));
      for await (const change of subscribe(live, 'orders')) console.log(change.operation, change.data.id);
    `,
  },
];
