import base from '@aerostack-internal/config/eslint';

export default [
  ...base,
  {
    // The launcher runs on Node; the worker runs in workerd. Neither ships to users' bundles.
    files: ['src/**', 'bin/**'],
    rules: { 'no-restricted-imports': 'off', 'no-restricted-globals': 'off' },
  },
];
