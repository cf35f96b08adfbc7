// @aerostack/database: one query built with the sql template, and one batch.
import { MULTIPART_MARK, PAGINATION_MARK, STREAM_MARK } from '../marks.mjs';

export default [
  {
    name: 'database.query (sql template)',
    budget: 4000,
    forbid: ['/db/batch', 'BatchStatementError', PAGINATION_MARK, STREAM_MARK, MULTIPART_MARK],
    code: `
      import { AerostackClient } from '@aerostack/core';
      import * as database from '@aerostack/database';
      const client = new AerostackClient({ apiKey: 'k' });
      const id = 42;
      const { results } = await database.query(client, database.sql\`SELECT * FROM users WHERE id = \${id}\`);
      console.log(results);
    `,
  },
  {
    name: 'database.batch',
    budget: 4100, // issue 13's checks: see zz-every-operation.mjs
    target: 4000,
    forbid: ['/db/query', PAGINATION_MARK, STREAM_MARK, MULTIPART_MARK],
    code: `
      import { AerostackClient } from '@aerostack/core';
      import { batch } from '@aerostack/database';
      const client = new AerostackClient({ apiKey: 'k' });
      console.log(await batch(client, { queries: [{ sql: 'SELECT 1' }] }, { throwOnError: true }));
    `,
  },
];
