// The route(s) each Smarter operation sends, as patterns over a minified bundle: the canary of
// entries/zz-every-operation.mjs (no operation's bundle carries another operation's route, and each
// carries its own, so that a stale pattern cannot pass unnoticed).
//
// A route is written `METHOD path`, or only `path` where the path alone tells it apart; `{}` is a
// parameter. A path with a parameter is a template literal in the bundle (`path\`files/${n}/\``),
// one without a quoted string; the method, where given, must come just before it as esbuild prints
// a request spec (`method:"GET",path:`).
const escape = (s) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

function pattern(route) {
  const [method, path] = route.includes(' ') ? route.split(' ') : [undefined, route];
  const template = path.includes('{}');
  const body = template ? `\`${path.split('{}').map(escape).join('\\$\\{[^}]*\\}')}\`` : `"${escape(path)}"`;
  // A template comes after its tag (`path`, renamed by the minifier).
  return new RegExp((method ? `method:"${method}",path:${template ? '[\\w$]*' : ''}` : '') + body);
}

// Per package, per operation. `cli/whoami/` is not here: the core sends it to learn the server's
// generation, so every Smarter bundle carries it.
const ROUTES = {
  '@smarter/chat': {
    createCompletion: ['prompts/passthrough/{}/'],
    createResponse: ['responses/'],
  },
  '@smarter/chatbots': {
    apply: ['cli/apply/'],
    chatConfig: ['cli/chat/config/{}/', 'cli/prompt/config/{}/'],
    chatDirect: ['chatbots/{}/chat/', 'llm-clients/{}/prompt/'],
    deploy: ['cli/deploy/{}/'],
    describe: ['cli/describe/{}/'],
    // A chatbot by name is described, and comes back ready to prompt.
    get: ['cli/describe/{}/', 'cli/chat/{}/', 'cli/prompt/{}/'],
    list: ['cli/get/{}/'],
    logs: ['cli/logs/{}/'],
    remove: ['cli/delete/{}/'],
    undeploy: ['cli/undeploy/{}/'],
  },
  '@smarter/files': {
    content: ['files/{}/content/'],
    create: ['POST files/'],
    list: ['GET files/'],
    remove: ['DELETE files/{}/'],
    retrieve: ['GET files/{}/'],
  },
  '@smarter/fine-tuning': {
    cancelJob: ['fine_tuning/jobs/{}/cancel/'],
    createJob: ['POST fine_tuning/jobs/'],
    listJobEvents: ['fine_tuning/jobs/{}/events/'],
    // The listing hands its path to the pager (pages.ts), which sends it: an argument, not a spec.
    listJobs: [/[(,]"fine_tuning\/jobs\/"/],
    retrieveJob: ['fine_tuning/jobs/{}/'],
  },
  '@smarter/resources': {
    apply: ['cli/apply/'],
    deploy: ['cli/deploy/{}/'],
    describe: ['cli/describe/{}/'],
    exampleManifest: ['cli/example_manifest/{}/', 'cli/example-manifest/{}/'],
    get: ['cli/get/{}/'],
    jsonSchema: ['cli/schema/{}/', 'cli/json-schema/{}/'],
    logs: ['cli/logs/{}/'],
    remove: ['cli/delete/{}/'],
    status: ['cli/status/'],
    undeploy: ['cli/undeploy/{}/'],
    version: ['cli/version/'],
    whoami: [],
  },
};

const toPattern = (route) => (route instanceof RegExp ? route : pattern(route));

/**
 * The canary of one operation: `require`, the patterns of its own routes; `forbid`, those of every
 * other operation of its package that it does not send itself. Undefined for a package not listed.
 */
export function routeCanary(pkg, op) {
  const ops = ROUTES[pkg];
  if (!ops) return undefined;
  if (!ops[op]) throw new Error(`tooling/size: routes.mjs lists no route for ${pkg} ${op}`);
  const own = new Set(ops[op].map(String));
  const others = [...new Set(Object.values(ops).flat().map(String))].filter((r) => !own.has(r));
  const byKey = new Map(Object.values(ops).flat().map((r) => [String(r), r]));
  return { require: ops[op].map(toPattern), forbid: others.map((r) => toPattern(byKey.get(r))) };
}
