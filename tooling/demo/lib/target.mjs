// Where the tour runs. With AEROSTACK_API_KEY (and AEROSTACK_BASE_URL) or SMARTER_API_KEY set, against
// that real deployment (a platform without credentials is skipped); otherwise against a local
// emulator started here, in memory, on free ports, and stopped at the end.
import { fileURLToPath } from 'node:url';
import { startEmulator } from '@aerostack/emulator';

export async function resolveTarget(env = process.env) {
  if (env.AEROSTACK_API_KEY || env.SMARTER_API_KEY) {
    return {
      kind: 'deployment',
      aerostack: env.AEROSTACK_API_KEY
        ? {
            baseURL: env.AEROSTACK_BASE_URL || undefined,
            apiKey: env.AEROSTACK_API_KEY,
            // Optional: steps that need them are skipped without.
            consumerKey: env.AEROSTACK_CONSUMER_KEY,
            gatewayApi: env.AEROSTACK_GATEWAY_API,
            projectSlug: env.AEROSTACK_PROJECT_SLUG,
          }
        : undefined,
      smarter: env.SMARTER_API_KEY ? { baseURL: env.SMARTER_BASE_URL || undefined, apiKey: env.SMARTER_API_KEY } : undefined,
      stop: async () => undefined,
    };
  }
  const started = Date.now();
  // The demo's own custom functions (tooling/demo/functions), run by the emulator as the platform runs a project's.
  const functions = fileURLToPath(new URL('../functions', import.meta.url));
  const emulator = await startEmulator({ aerostackPort: 0, smarterPort: 0, inMemory: true, functions });
  const controlURL = emulator.aerostackURL.replace(/\/v1$/, '/__emulator');
  const health = await (await fetch(`${controlURL}/health`)).json();
  const [apiKey] = emulator.keys;
  console.log(`Emulator ready in ${Date.now() - started} ms (in memory): Aerostack ${emulator.aerostackURL}, Smarter ${emulator.smarterURL}\n`);
  return {
    kind: 'emulator',
    aerostack: {
      baseURL: emulator.aerostackURL,
      apiKey,
      consumerKey: emulator.consumerKeys[apiKey],
      gatewayApi: 'demo-api',
      projectSlug: health.projects[0],
      controlURL,
      functions: emulator.functions,
    },
    smarter: { baseURL: emulator.smarterURL, apiKey: emulator.smarterKeys[0] },
    stop: () => emulator.stop(),
  };
}
