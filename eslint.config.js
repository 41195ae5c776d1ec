import js from '@eslint/js';
import lit from 'eslint-plugin-lit';
import wc from 'eslint-plugin-wc';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Calls that return a DOM node (or null): the shadow/light DOM queries and the tests' `part()` helper. */
const domQuery =
  "CallExpression:matches([callee.property.name=/^(querySelector|closest|getElementById)$/], [callee.name='part'])";

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
      // The API reference npm run docs writes (TypeDoc's HTML and scripts).
      'api-reference/**',
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
    rules: {
      // `.only` makes a run quietly skip every other test; it is for a local run, never for a commit.
      // (The runners refuse it too: mocha's forbidOnly, and scripts/lib/node-suite.mjs for node:test.)
      'no-restricted-properties': [
        'error',
        ...['it', 'describe', 'test', 'suite', 'context', 'specify'].map((object) => ({
          object,
          property: 'only',
          message: '`.only` skips every other test of the run; remove it before committing.',
        })),
      ],
      'no-restricted-syntax': [
        'error',
        {
          // chai formatting a DOM node for a failure message blocks the page until the file times out,
          // so `expect(el.querySelector('x')).to.equal(null)` hangs instead of failing. Assert on a string.
          selector: [
            `CallExpression[callee.name='expect'] > ${domQuery}.arguments`,
            `CallExpression[callee.name='expect'] > TSNonNullExpression.arguments > ${domQuery}`,
          ].join(', '),
          message:
            "Don't pass a DOM node to expect(): a failure hangs the browser. Assert on text, e.g. " +
            "expect(root.querySelector('x')?.outerHTML ?? null).to.equal(null).",
        },
        {
          selector: "Property[key.name='only'][value.value=true]",
          message: '`only: true` skips every other test of the run; remove it before committing.',
        },
      ],
    },
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
