import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'release/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      '.look/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['renderer/**/*.tsx', 'renderer/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  {
    // Only the document layer, the renderer's session and the live-session transport (which makes
    // a joiner's document and applies peers' updates only through shared/sync) talk to Yjs;
    // everything else reads snapshots.
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    ignores: ['renderer/session/**', 'renderer/live/**', 'renderer/bench/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'yjs',
              message:
                'Read snapshots and write through commands; only renderer/session and shared/doc import yjs.',
            },
          ],
        },
      ],
    },
  },
  {
    // Layering: the editor engine, the board, live sessions, the document session, the platform and
    // the app services under renderer/app/ never import panels and dialogs from renderer/ui/, so a
    // change to a panel cannot break the engine and the engine can be tested without React panels.
    files: [
      'renderer/app/**/*.{ts,tsx}',
      'renderer/canvas/**/*.{ts,tsx}',
      'renderer/editor/**/*.{ts,tsx}',
      'renderer/platform/**/*.{ts,tsx}',
      'renderer/export/**/*.{ts,tsx}',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'yjs', message: 'Read snapshots and write through commands.' }],
          patterns: [
            {
              group: ['**/ui/*', '**/ui'],
              message: 'Only renderer/ui (and App.tsx) import panels; put shared services in renderer/app/.',
            },
          ],
        },
      ],
    },
  },
  {
    // The same layering for the two folders that may talk to Yjs.
    files: ['renderer/live/**/*.{ts,tsx}', 'renderer/session/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/ui/*', '**/ui'],
              message: 'Only renderer/ui (and App.tsx) import panels; put shared services in renderer/app/.',
            },
          ],
        },
      ],
    },
  },
  {
    // Raw IPC outside the one typed wrapper is how unchecked channels creep in.
    files: ['electron/**/*.ts'],
    ignores: ['electron/main/ipc.ts', 'electron/preload/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[object.name='ipcMain']",
          message: 'Use the typed handlers in electron/main/ipc.ts.',
        },
      ],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['node:*', 'electron', 'react', 'react-dom', 'konva'],
              message: 'shared/ is pure: no Node, DOM, Electron or UI imports.',
            },
          ],
        },
      ],
    },
  },
);
