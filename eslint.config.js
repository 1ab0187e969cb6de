import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist', 'node_modules', '.data', 'coverage', 'server/back4app/cloud'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    // Only src/parse talks to the Parse SDK; the rest of the app sees plain domain types.
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/parse/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'parse', message: 'Import the Parse SDK only in src/parse/.' }] },
      ],
    },
  },
  {
    // Presentational components take props; they never fetch.
    files: ['src/components/**/*.{ts,tsx}', 'src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'parse', message: 'Components and domain code never import Parse.' }],
          patterns: [
            { group: ['**/parse/*', '**/queries/*', '**/pages/*'], message: 'Imports flow domain <- parse <- queries <- pages.' },
          ],
        },
      ],
    },
  },
);
