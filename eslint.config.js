// @ts-check
import js from '@eslint/js';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

/** The `electron` module is for electron/main and electron/preload only (DESIGN.md §2). */
const noElectron = {
  'no-restricted-imports': [
    'error',
    {
      paths: [
        {
          name: 'electron',
          message:
            'Seuls electron/main et electron/preload importent « electron » : ce code doit tourner en Node pur.',
        },
      ],
      patterns: [
        { group: ['electron/*'], message: 'Seuls electron/main et electron/preload importent « electron ».' },
      ],
    },
  ],
};

/** Which folders may import which (dependencies point one way, DESIGN.md §2). */
const layers = {
  'import-x/no-restricted-paths': [
    'error',
    {
      zones: [
        {
          target: './renderer',
          from: ['./electron', './platform', './scripts', './e2e', './bench'],
          message: 'Le renderer n’importe que renderer/ et shared/.',
        },
        {
          target: './shared',
          from: ['./electron', './platform', './renderer', './scripts', './e2e', './bench'],
          message: 'shared/ est isomorphe et n’importe rien du projet.',
        },
        {
          target: './electron/core',
          from: [
            './electron/main',
            './electron/preload',
            './electron/host',
            './platform',
            './renderer',
            './scripts',
          ],
          message: 'electron/core ne dépend que de shared/.',
        },
        {
          target: './electron/host',
          from: ['./electron/main', './electron/preload', './platform', './renderer', './scripts'],
          message: 'electron/host dépend de electron/core et shared/.',
        },
        {
          target: ['./electron/main', './electron/preload'],
          from: ['./electron/host', './platform', './renderer', './scripts'],
          message: 'Le shell Electron dépend de electron/core et shared/.',
        },
        {
          target: './platform',
          from: ['./electron', './renderer', './scripts'],
          message: 'La plateforme de référence ne dépend que de shared/.',
        },
      ],
    },
  ],
};

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'dist/',
      'dist-electron/',
      'release/',
      '.data/',
      'test-results/',
      'playwright-report/',
      'bench/results/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    plugins: { 'import-x': importX },
    settings: {
      // Without these, import-x skips TypeScript modules when it follows imports (no-cycle sees nothing).
      'import-x/extensions': ['.ts', '.tsx', '.js', '.mjs', '.cjs'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/resolver-next': [
        createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json'] }),
      ],
    },
    rules: {
      ...layers,
      // Modules that import each other cannot be read (or initialised) one at a time.
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-restricted-syntax': [
        'error',
        {
          selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
          message: 'Le texte saisi par les candidats s’affiche comme du texte, jamais comme du HTML.',
        },
      ],
    },
  },
  {
    files: [
      'electron/core/**',
      'electron/host/**',
      'platform/**',
      'shared/**',
      'renderer/**',
      'scripts/**',
      'bench/**',
    ],
    rules: noElectron,
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks, 'jsx-a11y': jsxA11y },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...jsxA11y.flatConfigs.recommended.rules,
    },
  },
  {
    // Tests may cross layers (DESIGN.md §2: "nothing imports renderer or platform except tests").
    files: ['**/*.test.ts', '**/*.test.tsx', 'renderer/test/**', 'e2e/**', 'tests/**'],
    rules: { 'import-x/no-restricted-paths': 'off' },
  },
  {
    // Migrations describe schemas of any shape; kysely types them as Kysely<any>.
    files: ['**/migrations.ts', '**/migrations/*.ts', 'shared/db/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
);
