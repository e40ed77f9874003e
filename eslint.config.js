import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

/**
 * Layers of a server module (docs/ARCHITECTURE.md): route → service → repository, one direction.
 * Routes call services; services hold the rules, access checks and audit, and reach the database
 * only through their own module's repository (another module only through its published service,
 * `<module>.service.ts`); repositories hold the Kysely queries and nothing else.
 */
const MODULES = 'apps/server/src/modules';
const QUERY_BUILDERS = ['selectFrom', 'insertInto', 'updateTable', 'deleteFrom', 'mergeInto', 'replaceInto', 'selectNoFrom'];
const noQueries = {
  selector: `CallExpression[callee.type='MemberExpression'][callee.property.name=/^(${QUERY_BUILDERS.join('|')})$/]`,
  message: 'Queries belong in the module’s repository (<module>.repository.ts) / Frågor hör hemma i modulens repository.',
};
const noRawSql = { selector: "TaggedTemplateExpression[tag.name='sql']", message: noQueries.message };
const databaseImports = [
  {
    group: ['kysely'],
    allowTypeImports: true,
    message: 'A service does not query the database: use its repository. / En tjänst frågar inte databasen själv.',
  },
  {
    group: ['**/db/database.js'],
    allowTypeImports: true,
    message: 'A service gets the database from its factory and passes it to its repository.',
  },
  {
    group: ['**/db/migrations/**', '**/db/migrate.js', '**/migrations/*', './migrations/*'],
    message: 'Migrations run at start-up, not from a module.',
  },
  // These hold bulk writes and raw SQL of their own (exempt below, like seed/); a service that
  // imported them would get the database access it is denied. The manifest (module.ts) names them.
  {
    group: [
      '**/*.seed.js',
      '**/*.bench.js',
      '**/*.generator.js',
      '**/*.fixtures.js',
      '**/*.seed',
      '**/*.bench',
      '**/*.generator',
      '**/*.fixtures',
    ],
    allowTypeImports: true,
    message:
      'A service does not use demo seeds, bench, generators or fixtures: they write the database in bulk. / En tjänst använder inte seed-, bench- eller fixturfiler.',
  },
];
const otherModulesInternals = {
  group: ['../*/*', '!../../**', '!../*/*.service.js'],
  // A row type of another module is a shape, not a call into its internals.
  allowTypeImports: true,
  message: 'Use another module only through its published service (<module>.service.ts), never its repository or internals.',
};
const serviceLayer = [`${MODULES}/**/*.ts`];
const notServiceLayer = [
  `${MODULES}/**/*.routes.ts`,
  `${MODULES}/**/*.repository.ts`,
  `${MODULES}/*/module.ts`,
  // Demo seed, generator and robustness fixtures write test and demo data in bulk, like seed/.
  `${MODULES}/**/*.bench.ts`,
  `${MODULES}/**/*.seed.ts`,
  `${MODULES}/**/*.generator.ts`,
  `${MODULES}/**/*.fixtures.ts`,
  `${MODULES}/**/*.tables.ts`,
  // A module's own migrations (found by db/migrate.ts), frozen once committed like db/migrations/.
  `${MODULES}/*/migrations/*.ts`,
  `${MODULES}/**/*.test.ts`,
  `${MODULES}/index.ts`,
];

export default tseslint.config(
  {
    ignores: [
      '**/dist/**',
      '**/node_modules/**',
      'data/**',
      'data-*/**',
      'bench/results/**',
      'coverage/**',
      '.stryker-tmp/**',
      'reports/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-empty-object-type': 'off',
    },
  },
  {
    files: ['apps/web/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'warn' },
  },
  {
    // The platform serves every module and knows none: modules register through their manifests.
    files: ['apps/server/src/platform/**/*.ts'],
    ignores: ['apps/server/src/platform/**/*.test.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/modules/**', '**/services.js'],
              message: 'The platform does not depend on the modules (see platform/module.ts, AppServices).',
            },
          ],
        },
      ],
    },
  },
  {
    // Services and the files helping them (views, export, import checks): no database access of their own.
    files: serviceLayer,
    ignores: notServiceLayer,
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', { patterns: [...databaseImports, otherModulesInternals] }],
      'no-restricted-syntax': ['error', noQueries, noRawSql],
    },
  },
  {
    // Routes: validation and one service call; never a repository or the database.
    files: [`${MODULES}/**/*.routes.ts`],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/*.repository.js', 'kysely', '**/db/**'],
              message: 'A route calls a service, never a repository or the database.',
            },
            { group: ['**/platform/audit/*'], message: 'Audit events are written by the service, in its transaction.' },
            otherModulesInternals,
          ],
        },
      ],
      'no-restricted-syntax': ['error', noQueries, noRawSql],
    },
  },
  {
    // A module's migrations are frozen once committed: they import kysely only, never code that may change later.
    files: [`${MODULES}/*/migrations/*.ts`],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['../**', './**'],
              allowTypeImports: true,
              message: 'A migration is frozen: write its SQL out instead of importing code that may change.',
            },
          ],
        },
      ],
    },
  },
  {
    // Repositories: Kysely queries and nothing else — no rules, access checks, audit or other modules.
    files: [`${MODULES}/**/*.repository.ts`],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/*.service.js', '**/*.routes.js', '**/module.js'], message: 'A repository does not call services or routes.' },
            { group: ['**/platform/audit/*', '**/platform/access.js'], message: 'Access checks and audit events belong in the service.' },
            {
              group: ['../*/*', '!../../**'],
              allowTypeImports: true,
              message: 'A repository queries its own module’s tables; ask the other module’s service.',
            },
          ],
        },
      ],
    },
  },
);
