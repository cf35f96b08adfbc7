// @aerostack/queue: one enqueue, and one paginated job listing, through a namespace import.
import { MULTIPART_MARK, PAGINATION_MARK, STREAM_MARK } from '../marks.mjs';

// Quoted as esbuild prints them, so that "/queue/job" does not also match "/queue/jobs".
const paths = ['enqueue', 'job', 'jobs', 'cancel'].map((op) => `"/queue/${op}"`);
const others = (op) => paths.filter((p) => p !== `"/queue/${op}"`);

export default [
  {
    name: 'queue.enqueue',
    budget: 4000,
    forbid: [...others('enqueue'), PAGINATION_MARK, STREAM_MARK, MULTIPART_MARK],
    code: `
      import { AerostackClient } from '@aerostack/core';
      import * as queue from '@aerostack/queue';
      const client = new AerostackClient({ apiKey: 'k' });
      const { jobId } = await queue.enqueue(client, { type: 'send-email', data: { to: 'a@b.c' }, delay: 60 });
      console.log(jobId);
    `,
  },
  {
    name: 'queue.listJobs',
    budget: 4200, // issue 13's checks: see zz-every-operation.mjs
    target: 4000,
    forbid: [...others('jobs'), STREAM_MARK, MULTIPART_MARK],
    code: `
      import { AerostackClient } from '@aerostack/core';
      import * as queue from '@aerostack/queue';
      const client = new AerostackClient({ apiKey: 'k' });
      for await (const job of queue.listJobs(client, { status: 'failed' })) console.log(job.id);
    `,
  },
];
