// The CLI API, `/api/v1/cli/...`. Each route: served by one generation or both (a route of the
// other generation is missing from that server's URLconf, so it answers Django's 404 page, as the
// platform does), then authentication where needed, then the method (DRF answers 405 `{detail}`
// only after authentication, so a wrong method without a key still sees 403).
import { Hono, type Context } from 'hono';
import { auth } from '../auth';
import { cliChatConfig, cliPrompt } from '../chat/cli';
import type { Generation, SmarterAppEnv } from '../env';
import { methodNotAllowed, notFound } from '../errors';
import { apply, deployment, describe, get, logs, remove } from './manifests';
import { example, schema, status, version, whoami } from './platform';

type Handler = (c: Context<SmarterAppEnv>) => Response | Promise<Response>;

interface RouteOptions {
  /** The methods served (others: 405). Default POST. */
  methods?: string[];
  /** The one generation serving the route (default: both). */
  only?: Generation;
  /** The docs views need no key. */
  open?: boolean;
}

export const cli = new Hono<SmarterAppEnv>();

function route(path: string, handler: Handler, options: RouteOptions = {}): void {
  const methods = options.methods ?? ['POST'];
  cli.all(path, async (c, next) => {
    if (options.only && c.get('generation') !== options.only) return notFound();
    if (!options.open) await auth(c, () => Promise.resolve());
    if (!methods.includes(c.req.method)) return methodNotAllowed(c);
    await next();
  });
  for (const method of methods) cli.on(method, path, handler);
}

route('/whoami/', whoami);
route('/status/', status);
route('/version/', version);
route('/apply/', apply);
route('/describe/:kind/', describe, { methods: ['POST', 'GET'] });
route('/get/:kind/', get);
route('/delete/:kind/', remove);
route('/deploy/:kind/', deployment(true));
route('/undeploy/:kind/', deployment(false));
route('/logs/:kind/', logs);
// GET of the example manifest needs the platform's ALLOW_API_GET switch, off by default.
route('/example_manifest/:kind/', example, { only: 'v0.13', open: true });
route('/example-manifest/:kind/', example, { only: 'v0.14', open: true });
route('/schema/:kind/', schema, { only: 'v0.13', open: true, methods: ['POST', 'GET'] });
route('/json-schema/:kind/', schema, { only: 'v0.14', open: true, methods: ['POST', 'GET'] });
// v0.14.1 renamed chat to prompt.
route('/chat/config/:name/', cliChatConfig, { only: 'v0.13' });
route('/prompt/config/:name/', cliChatConfig, { only: 'v0.14' });
route('/chat/:name/', cliPrompt, { only: 'v0.13' });
route('/prompt/:name/', cliPrompt, { only: 'v0.14' });
