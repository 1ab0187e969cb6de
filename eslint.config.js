import js from '@eslint/js';
import pluginQuery from '@tanstack/eslint-plugin-query';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Domain code and components sit below parse/, queries/ and pages/: they never import those. */
const IMPORTS_FLOW_ONE_WAY = { group: ['**/parse/*', '**/queries/*', '**/pages/*'], message: 'Imports flow domain <- parse <- queries <- pages.' };

export default tseslint.config(
  { ignores: ['dist', 'node_modules', '.data', 'coverage', 'server/back4app/cloud'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  // Every input of a queryFn in its key, stable query clients, no rest-destructured results.
  ...pluginQuery.configs['flat/recommended'],
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      '@tanstack/query/exhaustive-deps': 'error',
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
    // Domain code is pure TypeScript, shared with Cloud Code.
    files: ['src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'parse', message: 'Domain code never imports Parse.' }],
          patterns: [
            IMPORTS_FLOW_ONE_WAY,
          ],
        },
      ],
    },
  },
  {
    // Presentational components take props; they never fetch, touch the device or reach the app's wiring.
    files: ['src/components/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'parse', message: 'Components never import Parse.' }],
          patterns: [
            IMPORTS_FLOW_ONE_WAY,
            { group: ['**/device/*', '**/app/*'], message: 'Components import only domain/ and components/: the page passes what they need.' },
          ],
        },
      ],
    },
  },
);
