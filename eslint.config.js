import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'addin/dist/', 'web/dist/', 'coverage/', '.scratch/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.js'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
  },
  {
    files: ['core/**/*.ts'],
    rules: {
      // The core is shared with the browser add-in: it must not reach for Node or the DOM.
      'no-restricted-imports': [
        'error',
        { patterns: ['node:*', 'fs', 'path', 'exceljs', '../reports/*', '../addin/*'] },
      ],
    },
  },
);
