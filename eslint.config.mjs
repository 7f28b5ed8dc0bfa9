// `npm run lint`: eslint with typescript-eslint's recommended rules. Formatting is prettier's job
// (`npm run format:check`), so eslint-config-prettier comes last and turns off every rule that could disagree with it.
// Each tuning below says which deliberate pattern it admits; everything else is the recommended set as published.
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: ['dist/', 'node_modules/', 'coverage/', 'data/', 'schema.graphql', 'bench/.data/', 'bench/peers/node_modules/', 'web/src/gql/', 'test-artifacts/'],
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    rules: {
      // A leading underscore marks a binding left unused on purpose, mostly a field dropped with a rest pattern
      // (`const { hash: _hash, ...rest } = event`); tsc's noUnusedLocals accepts the same convention.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      // The KurrentDB adapter is loaded with require() only when chosen, because its client loads a native addon at
      // import (src/stores.ts); every other module is imported.
      '@typescript-eslint/no-require-imports': ['error', { allow: ['/kurrentdb/kurrentEventStore$'] }],
    },
  },
  {
    // MongoDB forbids NUL in field and database names, so the MongoDB read store's patterns look for \u0000 on
    // purpose; elsewhere a control character in a pattern is still an error.
    files: ['src/projections/store/mongodb/**/*.ts'],
    rules: { 'no-control-regex': 'off' },
  },
  {
    // The bench's peers (Emmett, autocannon) live in bench/peers with their own lockfile and are installed on first
    // use, so the runner loads them with require() at run time instead of importing them.
    files: ['bench/**/*.ts'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // Tests read GraphQL answers as loosely typed JSON (`gql<T = any>`), checking them with expect() rather than types.
    files: ['test/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    // The jest configurations are CommonJS (the package has no "type": "module"): `module` and `require` are how
    // they export and share settings.
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: { require: 'readonly', module: 'writable', __dirname: 'readonly', process: 'readonly', console: 'readonly' },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  prettier,
);
