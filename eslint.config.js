import js from '@eslint/js';
import compat from 'eslint-plugin-compat';
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
  {
    // The pane and the ribbon command run in every webview Office uses, down to IE11: the
    // browserslist targets in package.json. The build adds core-js for these built-ins (Babel
    // finds each use) and
    // unorm for String.prototype.normalize (addin/polyfills.ts); anything else must be avoided
    // or go through ui/dom.ts.
    // ui/ holds pieces the pane shares with the web page (the serve branch).
    files: ['addin/**/*.ts', 'core/**/*.ts', 'render/**/*.ts', 'ui/**/*.ts'],
    ...compat.configs['flat/recommended'],
    settings: {
      polyfills: [
        'Promise',
        'Map',
        'Set',
        'WeakMap',
        'Symbol',
        'Array.from',
        'Object.assign',
        'Object.entries',
        'Object.values',
        'Object.fromEntries',
        'Array.flatMap',
        'Array.flat',
        'String.padStart',
        'Number.isNaN',
        'Number.isInteger',
        'Number.isFinite',
        'Number.MAX_SAFE_INTEGER',
        'String.normalize',
      ],
    },
  },
  {
    // DOM methods IE11 and EdgeHTML 18 lack that the compat data does not flag.
    files: ['addin/**/*.ts', 'ui/**/*.ts'],
    rules: {
      'no-restricted-properties': [
        'error',
        ...['replaceChildren', 'append', 'prepend', 'replaceWith', 'before', 'after'].map(
          (property) => ({
            property,
            message: 'IE11 and EdgeHTML 18 lack it: use ui/dom.ts (fill, appendAll)',
          }),
        ),
        { property: 'closest', message: 'IE11 lacks Element.closest' },
        { property: 'toggleAttribute', message: 'IE11 and EdgeHTML 18 lack it' },
      ],
    },
  },
);
