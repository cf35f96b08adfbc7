import base from '@aerostack-internal/config/eslint';

export default [
  ...base,
  // Custom functions as a user writes them, in plain JavaScript: in no TypeScript project to lint with.
  { ignores: ['test/fixtures/functions/*.js', 'test/fixtures/functions/*.mjs'] },
  {
    // The launcher runs on Node; the worker runs in workerd. Neither ships to users' bundles.
    files: ['src/**', 'bin/**'],
    rules: { 'no-restricted-imports': 'off', 'no-restricted-globals': 'off' },
  },
];
