import js from '@eslint/js';
import lit from 'eslint-plugin-lit';
import wc from 'eslint-plugin-wc';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      '**/dist/**',
      'storybook-static/**',
      'node_modules/**',
      '.test-results/**',
      'packages/client/src/generated/**',
      // StrykerJS sandboxes (copies of the repository) and reports: npm run mutation
      '.stryker-tmp/**',
      'reports/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['packages/elements/**/*.ts', 'stories/**/*.ts', 'test/elements/**/*.ts'],
    ...wc.configs['flat/recommended'],
  },
  {
    files: ['packages/elements/**/*.ts', 'stories/**/*.ts', 'test/elements/**/*.ts'],
    ...lit.configs['flat/recommended'],
  },
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    files: ['test/**/*.ts'],
    languageOptions: { globals: globals.mocha },
  },
  {
    // The model and client run in browsers, Node and the mini-program runtime: no DOM and no Node API.
    // (Web Storage is reached through globalThis in the one adapter that may use it.)
    files: ['packages/model/src/**/*.ts', 'packages/client/src/**/*.ts'],
    languageOptions: { globals: { ...globals['shared-node-browser'] } },
    rules: {
      'no-restricted-globals': [
        'error',
        ...['window', 'document', 'localStorage', 'sessionStorage', 'navigator', 'location'].map((name) => ({
          name,
          message: 'The client core runs outside browsers too; take it as an option instead.',
        })),
        ...['process', 'Buffer', 'require', '__dirname'].map((name) => ({
          name,
          message: 'The client core runs outside Node too.',
        })),
      ],
      'no-restricted-imports': ['error', { patterns: [{ group: ['node:*'], message: 'No Node-only modules here.' }] }],
    },
  },
);
