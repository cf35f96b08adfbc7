import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { toYAML } from '../src';

/** Parsed back by a YAML 1.2 reader and by a 1.1 reader (the platform reads YAML with PyYAML, a 1.1 reader). */
function roundTrip(value: unknown): void {
  const text = toYAML(value);
  expect(parse(text), text).toEqual(value);
  expect(parse(text, { version: '1.1' }), text).toEqual(value);
}

const chatbot = {
  apiVersion: 'smarter.sh/v1',
  kind: 'Chatbot',
  metadata: {
    name: 'stackademy_sql',
    description: 'A chatbot that answers questions about the Stackademy course catalogue: ask away # really',
    version: '0.1.0',
    tags: ['db', 'sql', 'yes'],
    annotations: [{ 'smarter.sh/chatbot/owner': 'ada' }, { 'smarter.sh/chatbot/priority': 1 }],
  },
  spec: {
    config: {
      deployed: false,
      provider: 'openai',
      defaultModel: 'gpt-4o-mini',
      defaultSystemRole: 'You are a helpful assistant.\nAnswer briefly.\n',
      defaultTemperature: 0.5,
      defaultMaxTokens: 2048,
      subdomain: null,
      customDomain: null,
      appName: 'Stackademy',
      appExamplePrompts: ['What courses are there?', 'Who teaches: Python?'],
      appFileAttachment: false,
    },
    plugins: ['stackademy_sql'],
    functions: [],
    apiKey: null,
  },
};

const sqlPlugin = {
  apiVersion: 'smarter.sh/v1',
  kind: 'SqlPlugin',
  metadata: { name: 'stackademy_sql', pluginClass: 'sql', description: null, version: '1.0.0' },
  spec: {
    connection: 'stackademy_db',
    selector: { directive: 'searchTerms', searchTerms: ['course', 'courses', 'instructor'] },
    prompt: { provider: 'openai', systemRole: 'You help.', model: 'gpt-4o-mini', temperature: 0, maxTokens: 256 },
    sqlData: {
      sqlQuery: 'SELECT *\n  FROM courses\n WHERE title LIKE \'%{title}%\'\n LIMIT {limit};',
      parameters: [
        { name: 'title', type: 'string', description: 'Part of a title', required: true, default: null },
        { name: 'limit', type: 'integer', enum: [1, 10, 100], default: 10 },
      ],
      testValues: [{ name: 'title', value: 'Python' }, { name: 'limit', value: '10' }],
      limit: 10,
    },
  },
};

const others = [
  { apiVersion: 'smarter.sh/v1', kind: 'Secret', metadata: { name: 'db_password', description: 'The password', version: '1' }, spec: { config: { value: 'p@ss: w#rd', expiration_date: '2026-12-31' } } },
  { apiVersion: 'smarter.sh/v1', kind: 'SqlConnection', metadata: { name: 'db', description: '', version: '1.0' }, spec: { connection: { dbEngine: 'django.db.backends.mysql', hostname: 'db.example.com', port: 3306, useSsl: true, password: 'db_password', proxyPort: null } } },
  { apiVersion: 'smarter.sh/v1', kind: 'ApiConnection', metadata: { name: 'api', description: 'x', version: '1' }, spec: { connection: { baseUrl: 'https://api.example.com/v1/', apiKey: 'key', authMethod: 'token', timeout: 30 } } },
  { apiVersion: 'smarter.sh/v1', kind: 'User', metadata: { name: 'ada', description: 'Ada', version: '1' }, spec: { config: { firstName: 'Ada', lastName: 'Lovelace', email: 'ada@example.com', isStaff: false, isActive: true } } },
  { apiVersion: 'smarter.sh/v1', kind: 'Account', metadata: { name: 'acme', description: 'Acme', version: '1' }, spec: { config: { companyName: 'Acme, Inc.', phoneNumber: '+1 (555) 010-0000', postalCode: '01234', country: 'NO', timezone: 'Europe/Oslo', currency: 'EUR' } } },
  { apiVersion: 'smarter.sh/v1', kind: 'Provider', metadata: { name: 'openai', description: 'OpenAI', version: '1' }, spec: { provider: { name: 'OpenAI', base_url: 'https://api.openai.com/v1/', connectivity_test_path: '/models', logo: null } } },
  { apiVersion: 'smarter.sh/v1', kind: 'SmarterAuthToken', metadata: { name: 'ci', description: 'CI key', version: '1' }, spec: { config: { isActive: true, username: 'ada' } } },
  { apiVersion: 'smarter.sh/v1', kind: 'Plugin', metadata: { name: 'everlasting', pluginClass: 'static', description: 'static', version: '0.0.1' }, spec: { data: { description: 'd', staticData: { 'on': 'off', nested: { deep: [[1, 2], [], {}, [{ a: [] }]] } } } } },
];

describe('toYAML', () => {
  it('writes a manifest in block style, keys in the order given, plain where plain is safe', () => {
    expect(toYAML({ apiVersion: 'smarter.sh/v1', kind: 'Chatbot', metadata: { name: 'bot', version: '1.0.0', tags: ['a', 'b'] }, spec: { config: { deployed: true, appExamplePrompts: [] }, plugins: [{ name: 'p', on: true }] } })).toBe(
      [
        'apiVersion: smarter.sh/v1',
        'kind: Chatbot',
        'metadata:',
        '  name: bot',
        '  version: "1.0.0"',
        '  tags:',
        '    - a',
        '    - b',
        'spec:',
        '  config:',
        '    deployed: true',
        '    appExamplePrompts: []',
        '  plugins:',
        '    - name: p',
        '      "on": true',
        '',
      ].join('\n'),
    );
  });

  it('round-trips every kind of manifest through a YAML 1.2 and a YAML 1.1 reader', () => {
    for (const manifest of [chatbot, sqlPlugin, ...others]) roundTrip(manifest);
  });

  it('quotes what a reader would take for a boolean, null, number, date or syntax', () => {
    const tricky = [
      'yes', 'No', 'ON', 'off', 'y', 'n', 'true', 'False', 'null', 'Null', '~', '', ' ', 'nan', '.nan', '.inf', '-.inf', 'inf',
      '123', '-1', '+1', '0x1F', '0o17', '017', '1_000', '1.5', '1e3', '1.0e+3', '12:30', '190:20:30', '2024-01-01', '2001-12-14t21:59:43.10-05:00',
      ': ', 'a: b', 'a:', 'key:value', '#', 'a #b', 'a#b', '- a', '-', '--', '---', '...', '? x', '|', '>', '!tag', '&anchor', '*alias', '%YAML',
      '@at', '`tick', '{a: 1}', '[1, 2]', 'a, b', '"quoted"', "'single'", 'back\\slash', '<<', '=', ' leading', 'trailing ', '\ttab', 'a\tb',
      'café', 'naïve résumé', '日本語', 'emoji 😀', '👍🏽', 'zero\u200dwidth', 'nel\u0085x', 'ls\u2028x', 'bom\ufeff', 'del\u007f', 'bell\u0007', 'nul\u0000', 'cr\rlf',
      'a\nb', 'a\nb\n', 'a\nb\n\n', '\na', '\n\na\n', ' indented\nnext', '\n  indented after blank', 'line \nwith trailing space', 'only\n', '\n', '\n\n', ' \n ',
      '# not a comment\n- not a list\n---\n...\nkey: value', 'tab\n\tindented', 'unicode\nlines é 😀',
    ];
    for (const s of tricky) {
      roundTrip({ [s]: s });
      roundTrip([s, [s], { k: s }]);
      roundTrip(s);
    }
  });

  it('escapes what YAML does not allow raw, and what a 1.1 reader takes for a line break (NEL, LS, PS)', () => {
    expect(toYAML(['nel\u0085x', 'del\u007f', 'ls\u2028ps\u2029', 'bom\ufeff', 'c1\u009b', 'bell\u0007', 'cr\r'])).toBe(
      '- "nel\\u0085x"\n- "del\\u007f"\n- "ls\\u2028ps\\u2029"\n- "bom\\ufeff"\n- "c1\\u009b"\n- "bell\\u0007"\n- "cr\\r"\n',
    );
    // Not in a literal block either: these lines are quoted instead.
    expect(toYAML({ a: 'one\ntwo\u0085' })).toBe('a: "one\\ntwo\\u0085"\n');
    expect(toYAML({ a: 'one\ntwo' })).toBe('a: |-\n  one\n  two\n');
  });

  it('writes numbers, booleans and null so both readers read them back as such', () => {
    roundTrip({ int: 42, negative: -7, zero: 0, float: 0.25, big: 1e21, small: 5e-7, tiny: -1.5e-10, max: Number.MAX_SAFE_INTEGER, t: true, f: false, none: null });
    expect(toYAML({ big: 1e21, small: 5e-7 })).toBe('big: 1.0e+21\nsmall: 5.0e-7\n');
    expect(parse(toYAML([Infinity, -Infinity, NaN]))).toEqual([Infinity, -Infinity, NaN]);
  });

  it('writes multi-line text as a literal block, with the indentation given when the text starts with spaces', () => {
    expect(toYAML({ sql: 'SELECT 1\nFROM t' })).toBe('sql: |-\n  SELECT 1\n  FROM t\n');
    expect(toYAML({ role: 'Be brief.\n' })).toBe('role: |\n  Be brief.\n');
    expect(toYAML({ role: 'a\n\n' })).toBe('role: |+\n  a\n\n');
    expect(toYAML([' x\ny'])).toBe('- |2-\n   x\n  y\n');
  });

  it('nests lists and maps: list items share the dash line with their first key', () => {
    const value = { a: [[1, [2, 3]], { b: { c: [{ d: 'e' }] } }, [], {}, null] };
    expect(toYAML(value)).toBe('a:\n  - - 1\n    - - 2\n      - 3\n  - b:\n      c:\n        - d: e\n  - []\n  - {}\n  - null\n');
    roundTrip(value);
  });

  it('leaves out undefined, functions and symbols from maps and writes null for them in lists, as JSON does', () => {
    expect(parse(toYAML({ a: undefined, b: () => 1, c: Symbol('s'), d: [undefined, () => 1], e: 1 }))).toEqual({ d: [null, null], e: 1 });
    expect(toYAML({ when: new Date('2026-01-02T03:04:05Z'), count: 10n })).toBe('when: "2026-01-02T03:04:05.000Z"\ncount: 10\n');
    expect(toYAML({})).toBe('{}\n');
    expect(toYAML([])).toBe('[]\n');
    expect(toYAML(null)).toBe('null\n');
  });

  it('round-trips random strings made of the characters YAML cares about (both readers)', () => {
    const alphabet = [' ', ' ', '\n', '\n', '\t', 'a', 'Z', '1', '0', '.', ':', '#', '-', '?', '"', "'", '\\', '|', '>', '{', '[', ',', '&', '*', '!', '%', '@', '`', '~', '_', 'é', '😀', '\u0085', '\r', '\u007f', '\u2028', 'y', 'e', '+'];
    let seed = 42;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    for (let i = 0; i < 3000; i++) {
      const s = Array.from({ length: random(14) }, () => alphabet[random(alphabet.length)]).join('');
      roundTrip({ [s]: [s, { k: s }] });
    }
  });
});
