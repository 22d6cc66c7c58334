// @ts-check
import js from '@eslint/js';
import globals from 'globals';
import fs from 'node:fs';
import importPlugin from 'eslint-plugin-import';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const WEB = './apps/web/src';
const FEATURES = fs.readdirSync(`${WEB}/features`).filter((name) => fs.statSync(`${WEB}/features/${name}`).isDirectory());

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', 'apps/api/src/generated/**', 'playwright-report/**', 'test-results/**', '.data/**'] },
  js.configs.recommended,
  // Type-aware rules (create-t3-turbo's tooling/eslint/base.ts): every TypeScript file is checked with its tsconfig.
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      globals: { ...globals.node },
      parserOptions: { projectService: { allowDefaultProject: ['*.ts', 'scripts/*.ts'] }, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Fastify plugins and hooks are async functions by contract (an async plugin is how Fastify knows it has loaded), with or without an await.
      '@typescript-eslint/require-await': 'off',
      'no-console': 'off',
    },
  },
  { files: ['**/*.{js,mjs,cjs}'], ...tseslint.configs.disableTypeChecked },
  {
    // Tests read answers as `response.json()` (any) and assert on their fields; the API's own schemas type them in the app.
    files: ['apps/api/test/**', 'packages/shared/test/**', 'e2e/**', 'scripts/**', 'prisma.config.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  {
    // The app's configuration is read once, parsed with zod, in apps/api/src/env.ts (CONVENTIONS: habit 8).
    files: ['apps/*/src/**/*.{ts,tsx}', 'packages/shared/src/**/*.ts'],
    ignores: ['apps/api/src/env.ts'],
    rules: {
      'no-restricted-properties': ['error', { object: 'process', property: 'env', message: 'Read configuration from apps/api/src/env.ts (parsed once with zod).' }],
      'no-restricted-syntax': [
        'error',
        { selector: "TSNonNullExpression > MemberExpression[property.name='actor']", message: 'Use requireActor(request): a route without a signed-in actor answers 401, not a crash.' },
      ],
    },
  },
  {
    files: ['apps/web/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    // One-way imports in the web app (ADR 0017, as bulletproof-react's lint config): app → features → components, lib, @campus/shared;
    // a feature reaches another only through its index.ts, and never in a circle.
    files: ['apps/web/src/**/*.{ts,tsx}'],
    plugins: { import: importPlugin },
    settings: { 'import/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] }, 'import/resolver': { typescript: { project: 'apps/web/tsconfig.json' } } },
    rules: {
      'import/no-cycle': 'error',
      'import/no-restricted-paths': [
        'error',
        {
          zones: [
            { target: `${WEB}/features`, from: `${WEB}/app`, message: 'Features do not import the app shell.' },
            { target: [`${WEB}/lib`, `${WEB}/components`], from: [`${WEB}/features`, `${WEB}/app`], message: 'lib and components are shared by every feature: they import no feature.' },
            ...FEATURES.map((feature) => ({
              target: `${WEB}/features/${feature}`,
              from: `${WEB}/features`,
              except: [`./${feature}`, ...FEATURES.filter((other) => other !== feature).map((other) => `./${other}/index.ts`)],
              message: "Another feature is reached through its index.ts only; to refresh its data after a write, name its root in the mutation's meta.invalidates.",
            })),
          ],
        },
      ],
    },
  },
);
