// ESLint: typescript-eslint (type-aware), Lit and web-component rules, for every package.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { configs as litConfigs } from 'eslint-plugin-lit';
import { configs as wcConfigs } from 'eslint-plugin-wc';
import globals from 'globals';

export default tseslint.config(
  {
    ignores: ['**/node_modules/**', '**/dist/**', 'docs/reference/**', '.tec-data/**', 'coverage/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.strict,
  wcConfigs['flat/recommended'],
  litConfigs['flat/recommended'],
  {
    languageOptions: {
      globals: { ...globals.browser, ...globals.node },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
      eqeqeq: ['error', 'always'],
      // With noUncheckedIndexedAccess, an assertion after a length or lookup check is the clear form.
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    // Browser-facing packages must never pull in full zod.
    files: ['packages/contract/src/**', 'packages/sdk/src/**', 'packages/widgets/src/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'zod', message: "Use 'zod/mini' in code that reaches a browser." }],
          patterns: [{ group: ['zod/v4', 'zod/v3'], message: "Use 'zod/mini'." }],
        },
      ],
    },
  },
  {
    files: ['**/*.test.ts'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    files: ['**/*.mjs', '**/*.js'],
    ...tseslint.configs.disableTypeChecked,
  },
);
