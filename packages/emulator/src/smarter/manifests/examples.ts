// One example manifest per kind (cli/example_manifest, cli/example-manifest), valid for apply.
import type { Json } from '../envelope';
import type { KindInfo } from './kinds';
import type { ResourceRow } from './store';

const selector = { directive: 'searchTerms', searchTerms: ['courses', 'catalogue'] };
const prompt = { provider: 'openai', systemRole: 'You are a helpful assistant for Stackademy courses.', model: 'gpt-4o-mini', temperature: 0.5, maxTokens: 256 };

const SPECS: Record<string, { name: string; description: string; spec: Json; pluginClass?: string }> = {
  chatbot: {
    name: 'stackademy',
    description: 'A chatbot that answers questions about the Stackademy course catalogue.',
    spec: {
      config: {
        deployed: false,
        provider: 'openai',
        defaultModel: 'gpt-4o-mini',
        defaultSystemRole: 'You are a helpful assistant for Stackademy courses.',
        defaultTemperature: 0.5,
        defaultMaxTokens: 256,
        appName: 'Stackademy',
        appAssistant: 'Stacey',
        appWelcomeMessage: 'Welcome to Stackademy! Ask me about our courses.',
        appExamplePrompts: ['What courses do you offer?', 'How long is the Python course?'],
        appPlaceholder: 'Ask me anything about our courses...',
        appInfoUrl: 'https://example.com/stackademy',
        appFileAttachment: false,
      },
      plugins: ['stackademy_sql'],
      functions: ['get_current_weather'],
    },
  },
  plugin: { name: 'everlasting_gobstopper', description: 'Facts about the Everlasting Gobstopper.', pluginClass: 'static', spec: { selector, prompt, data: { description: 'Candy facts', staticData: { inventor: 'Willy Wonka', flavors: 3 } } } },
  apiplugin: {
    name: 'stackademy_api',
    description: 'Looks up courses through the Stackademy REST API.',
    pluginClass: 'api',
    spec: { selector, prompt, connection: 'stackademy_api', apiData: { endpoint: '/courses/', method: 'GET', urlParams: [], headers: [], parameters: [{ name: 'max_cost', type: 'number', description: 'The highest price', required: false }], testValues: [{ name: 'max_cost', value: 500 }], limit: 10 } },
  },
  sqlplugin: {
    name: 'stackademy_sql',
    description: 'Looks up courses in the Stackademy database.',
    pluginClass: 'sql',
    spec: { selector, prompt, connection: 'stackademy_db', sqlData: { sqlQuery: 'SELECT name, cost FROM courses WHERE cost <= {max_cost} ORDER BY name', parameters: [{ name: 'max_cost', type: 'number', description: 'The highest price', required: true }], testValues: [{ name: 'max_cost', value: 500 }], limit: 10 } },
  },
  sqlconnection: { name: 'stackademy_db', description: 'The Stackademy MySQL database.', spec: { connection: { dbEngine: 'django.db.backends.mysql', hostname: 'db.example.com', port: 3306, database: 'stackademy', username: 'reader', password: 'stackademy_db_password', timeout: 30, useSsl: false, authenticationMethod: 'tcpip' } } },
  apiconnection: { name: 'stackademy_api', description: 'The Stackademy REST API.', spec: { connection: { baseUrl: 'https://api.example.com/stackademy', apiKey: 'stackademy_api_key', authMethod: 'token', timeout: 30 } } },
  secret: { name: 'stackademy_db_password', description: 'The password of the Stackademy database.', spec: { config: { value: 'change-me', expiration_date: null } } },
  provider: { name: 'my_openai', description: 'An OpenAI-compatible provider.', spec: { provider: { name: 'my_openai', description: 'OpenAI through my own key', base_url: 'https://api.openai.com/v1/', api_key: 'openai_api_key', connectivity_test_path: 'models', website_url: 'https://openai.com' } } },
  account: { name: 'my_account', description: 'The account settings.', spec: { config: { companyName: 'Stackademy', phoneNumber: '+1 555 0100', city: 'Austin', state: 'TX', postalCode: '78701', country: 'US', language: 'en-US', timezone: 'America/Chicago', currency: 'USD' } } },
  user: { name: 'ada', description: 'A user of the account.', spec: { config: { firstName: 'Ada', lastName: 'Lovelace', email: 'ada@example.com', isStaff: false, isActive: true } } },
  authtoken: { name: 'ci_key', description: 'An API key for CI.', spec: { config: { isActive: true, username: 'ada' } } },
  vectorstore: { name: 'course_docs', description: 'Course documents for retrieval.', spec: { config: { backend: 'qdrant', embeddingProvider: 'openai', embeddingModel: 'text-embedding-3-small' } } },
  chat: { name: 'chat_example', description: 'A chat session (read-only: made by prompting a chatbot).', spec: { chatbot: 'stackademy', messages: [] } },
};

export function exampleManifest(kind: KindInfo): Json {
  const example = SPECS[kind.key] ?? { name: `example_${kind.key}`, description: `An example ${kind.name}.`, spec: {} };
  return {
    apiVersion: 'smarter.sh/v1',
    kind: kind.name,
    metadata: { name: example.name, description: example.description, version: '1.0.0', tags: ['example'], annotations: [], ...(example.pluginClass && { pluginClass: example.pluginClass }) },
    spec: example.spec,
  };
}

/** The example as a stored row (never stored: it gives a get its columns when nothing is listed). */
export function exampleRow(kind: KindInfo, account: string): ResourceRow {
  const manifest = exampleManifest(kind);
  return { id: 0, account, kind: kind.key, name: (manifest.metadata as Json).name as string, manifest, deployed: false, created_at: 0, updated_at: 0 };
}
