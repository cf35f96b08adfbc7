// The shared rules, with the one place Node built-ins are allowed: src/node/, the Node transport,
// which only the `node` export condition reaches. Nothing else in src/ may import from it.
import shared from '@aerostack-internal/config/eslint';

const builtins = ['fs', 'path', 'http', 'https', 'buffer', 'stream', 'crypto', 'util', 'events', 'os', 'url'];

export default [
  ...shared,
  {
    files: ['src/**'],
    ignores: ['src/node/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: builtins,
          patterns: [
            { group: ['node:*'], message: 'Web standards only: Node built-ins belong in src/node/.' },
            { group: ['./node', './node/*', '../node', '../node/*'], message: 'src/node/ is reached only through the `node` export condition.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/node/**'],
    rules: {
      // `node:` built-ins allowed here; bare names are still refused, so the prefix is always written.
      'no-restricted-imports': ['error', { paths: builtins }],
    },
  },
];
