// @smarter/resources: one read and one write, through a namespace import (which must tree-shake
// down to the operation used). The issue sets no budget here; @smarter/core alone (a SmarterClient and
// one JSON call) is about 4.2 kB, and the budget guards against growth.
import { MULTIPART_MARK, PAGINATION_MARK, STREAM_MARK } from '../marks.mjs';

// The other operations' routes, and the YAML emitter (its `-.inf`), must not come along.
const routes = ['cli/apply', 'cli/get/', 'cli/describe', 'cli/delete', 'cli/deploy', 'cli/undeploy', 'cli/logs', 'cli/status', 'cli/version'];
const YAML_MARK = '-.inf';
const others = (route) => routes.filter((r) => r !== route);

export default [
  {
    name: 'resources.describe',
    budget: 4700,
    forbid: [...others('cli/describe'), YAML_MARK, PAGINATION_MARK, STREAM_MARK, MULTIPART_MARK],
    code: `
      import { SmarterClient } from '@smarter/core';
      import * as resources from '@smarter/resources';
      const client = new SmarterClient({ apiKey: 'k' });
      const manifest = await resources.describe(client, { kind: 'Chatbot', name: 'stackademy' });
      console.log(manifest.spec.config.defaultModel);
    `,
  },
  {
    // The same call bundled for Node: @smarter/core over the core's node entry (its node:http
    // transport, logging and printing; see core.mjs). Measured at 8211 B (3764 B more than the
    // browser's), 8955 B with the request slots and the fetch send-again; the budget is that plus ~2.5%, to catch growth.
    name: 'resources.describe, for Node',
    platform: 'node',
    budget: 9200,
    logging: true,
    require: ['node:http'],
    forbid: [...others('cli/describe'), YAML_MARK, PAGINATION_MARK, `"${STREAM_MARK}"`, MULTIPART_MARK],
    code: `
      import { SmarterClient } from '@smarter/core';
      import * as resources from '@smarter/resources';
      const client = new SmarterClient({ apiKey: 'k' });
      const manifest = await resources.describe(client, { kind: 'Chatbot', name: 'stackademy' });
      console.log(manifest.spec.config.defaultModel);
    `,
  },
  {
    name: 'resources.apply',
    budget: 4650,
    forbid: [...others('cli/apply'), YAML_MARK, PAGINATION_MARK, STREAM_MARK, MULTIPART_MARK],
    code: `
      import { SmarterClient } from '@smarter/core';
      import * as resources from '@smarter/resources';
      const client = new SmarterClient({ apiKey: 'k' });
      console.log(await resources.apply(client, 'apiVersion: smarter.sh/v1\\nkind: Secret\\nmetadata:\\n  name: db\\n'));
    `,
  },
];
