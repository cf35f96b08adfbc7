// The custom-functions worker (runs in workerd beside the API worker): the user's modules, bundled
// with this file by the launcher (src/functions.ts), each the function of its file name. The API
// worker authenticates the call (/v1/custom/:slug, src/worker/custom.ts) and forwards it here with
// the project's id and key in internal headers; the function gets the request without them, and an
// `env` whose database, cache and storage are the project's, reached through the API worker's own
// routes (binding API), so they behave exactly as the platform's routes do.

/** What a function receives besides the request: the project and its services. */
export interface FunctionEnv {
  projectId: string;
  slug: string;
  db: {
    /** One statement, `?` parameters: `{ results, count }` as `POST /v1/db/query` answers. */
    query(sql: string, params?: unknown[]): Promise<{ results: Record<string, unknown>[]; count: number }>;
    batch(queries: { sql: string; params?: unknown[] }[]): Promise<unknown>;
  };
  cache: {
    /** As `/cache/get` answers: a stored string as is, any other JSON value as its JSON text; null when missing. */
    get(key: string): Promise<string | null>;
    set(key: string, value: unknown, ttl?: number): Promise<void>;
    delete(key: string): Promise<void>;
  };
  storage: {
    put(key: string, body: BodyInit, contentType?: string): Promise<unknown>;
    /** The object's bytes, or null when there is none. */
    get(key: string): Promise<Response | null>;
    delete(key: string): Promise<void>;
  };
  /** Any other Aerostack route of the project: `api('/queue/enqueue', { type, data })`. */
  api(route: string, body: unknown): Promise<unknown>;
}

type Handler = (request: Request, env: FunctionEnv, ctx: ExecutionContext) => unknown;
export type FunctionModule = { default?: Handler | { fetch?: Handler } };

interface RuntimeEnv {
  API: Fetcher;
}

const INTERNAL = ['x-emulator-slug', 'x-emulator-project', 'x-emulator-key'];

const error = (status: number, code: string, message: string) => Response.json({ code, message }, { status });

/** The project's services, as the function's `env` holds them. */
function projectEnv(api: Fetcher, apiKey: string, projectId: string, slug: string): FunctionEnv {
  const fetchRoute = (route: string, init: RequestInit) =>
    api.fetch(`http://emulator/v1${route}`, { method: 'POST', ...init, headers: { 'x-aerostack-key': apiKey, ...(init.headers as Record<string, string> | undefined) } });
  const send = async (route: string, init: RequestInit): Promise<Response> => {
    const response = await fetchRoute(route, init);
    if (!response.ok) {
      const body = await response.json<{ message?: string }>().catch(() => ({ message: undefined }));
      throw new Error(`${route}: ${response.status} ${body.message ?? response.statusText}`);
    }
    return response;
  };
  const json = { 'content-type': 'application/json' };
  const post = async <T>(route: string, body: unknown): Promise<T> => (await send(route, { body: JSON.stringify(body), headers: json })).json<T>();
  return {
    projectId,
    slug,
    db: {
      query: (sql, params = []) => post('/db/query', { sql, params }),
      batch: (queries) => post('/db/batch', { queries }),
    },
    cache: {
      get: async (key) => (await post<{ value: string | null }>('/cache/get', { key })).value,
      set: async (key, value, ttl) => {
        await post('/cache/set', ttl === undefined ? { key, value } : { key, value, ttl });
      },
      delete: async (key) => {
        await post('/cache/delete', { key });
      },
    },
    storage: {
      put: async (key, body, contentType = 'application/octet-stream') => {
        const form = new FormData();
        form.set('key', key);
        form.set('file', new Blob([await new Response(body).arrayBuffer()], { type: contentType }), key.split('/').pop());
        return (await send('/storage/upload', { body: form })).json();
      },
      get: async (key) => {
        const response = await fetchRoute('/storage/get', { body: JSON.stringify({ key }), headers: json });
        if (response.status === 404) return null;
        if (!response.ok) throw new Error(`/storage/get: ${response.status} ${await response.text()}`);
        return response;
      },
      delete: async (key) => {
        await post('/storage/delete', { key });
      },
    },
    api: post,
  };
}

/** The worker: finds the slug's module and runs it; a throw is a 500 in the platform's shape, and the worker goes on. */
export function serve(modules: Record<string, FunctionModule>): ExportedHandler<RuntimeEnv> {
  return {
    async fetch(incoming, env, ctx) {
      const slug = incoming.headers.get('x-emulator-slug') ?? '';
      const module = Object.hasOwn(modules, slug) ? modules[slug] : undefined;
      if (!module) return error(404, 'NOT_FOUND', `No custom function "${slug}"`);
      const exported = module.default;
      const handler = typeof exported === 'function' ? exported : exported?.fetch?.bind(exported);
      if (!handler) return error(500, 'INTERNAL_ERROR', `Custom function "${slug}": its module exports no default function (or { fetch })`);
      const headers = new Headers(incoming.headers);
      const [key, project] = [headers.get('x-emulator-key') ?? '', headers.get('x-emulator-project') ?? ''];
      for (const name of INTERNAL) headers.delete(name);
      const request = new Request(incoming, { headers });
      try {
        const result = await handler(request, projectEnv(env.API, key, project, slug), ctx);
        return result instanceof Response ? result : Response.json(result ?? null);
      } catch (thrown) {
        console.error(`custom function "${slug}" threw:`, thrown);
        return error(500, 'INTERNAL_ERROR', thrown instanceof Error ? thrown.message : String(thrown));
      }
    },
  };
}
