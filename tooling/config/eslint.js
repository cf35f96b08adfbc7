// Shared, type-aware lint rules. A package's eslint.config.js is one line:
//   export { default } from '@aerostack-internal/config/eslint';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '*.config.*', 'coverage/**'] },
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      // Class-free namespaces of functions are the point of the packages.
      '@typescript-eslint/no-extraneous-class': 'off',
      // `void promise` is how we mark a deliberately floating promise.
      '@typescript-eslint/no-confusing-void-expression': 'off',
      // Header records are maps keyed by header name; deleting a key is how a header is removed.
      '@typescript-eslint/no-dynamic-delete': 'off',
    },
  },
  {
    files: ['src/**'],
    rules: {
      // Web standards only: Node built-ins never appear in package sources.
      'no-restricted-imports': [
        'error',
        { patterns: ['node:*'], paths: ['fs', 'path', 'http', 'https', 'buffer', 'stream', 'crypto', 'util', 'events', 'os', 'url'] },
      ],
      'no-restricted-globals': ['error', 'Buffer', '__dirname', 'require'],
    },
  },
  {
    files: ['test/**'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/no-floating-promises': 'off',
    },
  },
);
