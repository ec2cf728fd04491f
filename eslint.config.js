import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import importBoundaries from './tools/eslint/import-boundaries.js';

const processEnvMessage =
  'Only src/config/ reads the environment: take a Config value instead (DESIGN.md §3).';

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'dist/',
      'coverage/',
      'web/dist/',
      '.ledgerline/',
      'test-artifacts/',
      'tools/eslint/fixtures/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
    plugins: { ledgerline: { rules: { 'import-boundaries': importBoundaries } } },
    rules: {
      'ledgerline/import-boundaries': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
    },
  },
  {
    // Configuration comes from one validated place; everything else receives it.
    files: ['src/**/*.ts', 'emulator/**/*.ts'],
    ignores: ['src/config/**'],
    rules: {
      'no-restricted-properties': [
        'error',
        { object: 'process', property: 'env', message: processEnvMessage },
      ],
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'node:process', importNames: ['env'], message: processEnvMessage },
            { name: 'process', importNames: ['env'], message: processEnvMessage },
          ],
        },
      ],
    },
  },
  {
    // The domain has no clock and no randomness: `now` and seeds are passed in (STYLE.md).
    files: ['src/domain/**/*.ts'],
    ignores: ['src/domain/**/*.test.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
          message: 'domain/ takes `now` as a parameter.',
        },
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: 'domain/ takes `now` as a parameter.',
        },
        {
          selector: "CallExpression[callee.object.name='Math'][callee.property.name='random']",
          message: 'domain/ takes a seeded random source.',
        },
      ],
    },
  },
  {
    files: ['**/*.js'],
    ...tseslint.configs.disableTypeChecked,
    rules: { '@typescript-eslint/consistent-type-imports': 'off' },
  },
);
