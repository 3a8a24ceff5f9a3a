// ESLint flat config: typescript-eslint (type-aware) + eslint-plugin-lit + eslint-plugin-wc for
// src/ and stories/; plain recommended rules for the node scripts and tests.
import js from '@eslint/js';
import lit from 'eslint-plugin-lit';
import wc from 'eslint-plugin-wc';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'cdn/', 'storybook-static/', 'node_modules/', '.stack/', '.tmp/', 'coverage/', 'custom-elements.json'] },
  js.configs.recommended,
  {
    files: ['**/*.ts'],
    extends: [...tseslint.configs.recommendedTypeChecked],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Lit binds `@click=${this.handler}` to the element itself.
      '@typescript-eslint/unbound-method': 'off',
      // Async methods without await are how interfaces that return promises are implemented here.
      '@typescript-eslint/require-await': 'off',
    },
  },
  {
    files: ['src/components/**/*.ts', 'src/cdn/**/*.ts', 'stories/**/*.ts'],
    extends: [lit.configs['flat/recommended'], wc.configs['flat/recommended']],
    rules: {
      // Misfires on LitElement's super.connectedCallback() (the base class has it).
      'wc/guard-super-call': 'off',
    },
  },
  {
    files: ['test/**/*.ts'],
    rules: {
      // With @open-wc's typings, chai's `.equal()` returns a Promise.
      '@typescript-eslint/no-floating-promises': 'off',
      '@typescript-eslint/no-unused-expressions': 'off',
      // Tests read JSON bodies and fixtures loosely.
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
    },
  },
  {
    files: ['**/*.mjs', '**/*.js'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      'no-empty': ['error', { allowEmptyCatch: true }],
      'no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    files: ['test/e2e/**/*.mjs'],
    rules: {
      // The stack helpers strip ANSI colour codes from tool logs on purpose.
      'no-control-regex': 'off',
    },
  },
);
