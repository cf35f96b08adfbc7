import base from '@aerostack-internal/config/eslint';

export default [
  ...base,
  {
    // The Node-only entry point is the one place that may use Node's file system.
    files: ['src/node.ts', 'src/node/**'],
    rules: { 'no-restricted-imports': 'off', 'no-restricted-globals': 'off' },
  },
];
