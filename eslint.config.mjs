import nx from '@nx/eslint-plugin';

// Node built-ins and I/O clients that pure code (domain, workflows) must never import.
const IO_PACKAGES = ['pg', 'kafkajs', '@nestjs/*', '@temporalio/client', '@temporalio/worker', '@temporalio/testing', 'express', 'pino'];
const NODE_BUILTINS = ['fs', 'fs/promises', 'path', 'os', 'http', 'https', 'net', 'crypto', 'child_process', 'worker_threads', 'stream', 'events', 'util', 'timers'];
const PURE = 'Pure code: no Node built-ins (I/O, clock, randomness come from outside).';
const LIBS = ['type:domain', 'type:contracts', 'type:workflow', 'type:activity', 'type:adapter', 'type:testing'];

/**
 * Who may import whom (ARCHITECTURE.md, "Dependency rules"). Tests of pure code may use the
 * test helpers and a real Temporal worker; the code under test may not.
 */
function depConstraints({ tests }) {
  const testing = tests ? ['type:testing', 'type:adapter'] : [];
  const banned = (list) => (tests ? [] : list);
  return [
    { sourceTag: 'type:domain', onlyDependOnLibsWithTags: ['type:domain', ...testing], bannedExternalImports: banned([...IO_PACKAGES, '@temporalio/*']) },
    { sourceTag: 'type:contracts', onlyDependOnLibsWithTags: ['type:domain', 'type:contracts', ...testing], bannedExternalImports: banned(IO_PACKAGES) },
    { sourceTag: 'type:workflow', onlyDependOnLibsWithTags: ['type:domain', 'type:contracts', 'type:workflow', ...testing], bannedExternalImports: banned(IO_PACKAGES) },
    { sourceTag: 'type:activity', onlyDependOnLibsWithTags: ['type:domain', 'type:contracts', 'type:adapter', 'type:activity', ...testing] },
    { sourceTag: 'type:adapter', onlyDependOnLibsWithTags: ['type:domain', 'type:contracts', 'type:adapter', ...testing] },
    { sourceTag: 'type:testing', onlyDependOnLibsWithTags: ['type:domain', 'type:contracts', 'type:adapter', 'type:testing'] },
    { sourceTag: 'type:app', onlyDependOnLibsWithTags: LIBS },
    { sourceTag: 'type:e2e', onlyDependOnLibsWithTags: LIBS },
    { sourceTag: 'type:tooling', onlyDependOnLibsWithTags: ['type:domain', 'type:contracts', 'type:adapter'] },
  ];
}

/**
 * Which part of the system a project belongs to, and what it may build on: the domain core, the
 * contracts and the platform adapters are for everyone; the path engine, the read model, the
 * staff-facing side and the downstream agencies' systems do not reach into each other.
 * Downstream systems stand for other agencies: they know Polku by its published contracts only,
 * never by its domain. Tests may reach across (a relay test replays a consumer's dead letter).
 */
const SCOPES = ['scope:core', 'scope:contracts', 'scope:platform', 'scope:engine', 'scope:read-model', 'scope:staff', 'scope:downstream', 'scope:tooling'];
function scopeConstraints({ tests }) {
  const only = (...tags) => (tests ? SCOPES : ['scope:contracts', 'scope:platform', ...tags]);
  return [
    { sourceTag: 'scope:core', onlyDependOnLibsWithTags: ['scope:core'] },
    { sourceTag: 'scope:contracts', onlyDependOnLibsWithTags: ['scope:core', 'scope:contracts'] },
    { sourceTag: 'scope:platform', onlyDependOnLibsWithTags: only('scope:core') },
    { sourceTag: 'scope:engine', onlyDependOnLibsWithTags: only('scope:core', 'scope:engine') },
    { sourceTag: 'scope:read-model', onlyDependOnLibsWithTags: only('scope:core', 'scope:read-model') },
    { sourceTag: 'scope:staff', onlyDependOnLibsWithTags: only('scope:core', 'scope:staff') },
    { sourceTag: 'scope:downstream', onlyDependOnLibsWithTags: only('scope:downstream') },
  ];
}

/** Where code runs: the browser console may use only platform-neutral libraries (no pg, kafkajs, Node). */
const PLATFORM_CONSTRAINTS = [
  { sourceTag: 'platform:any', onlyDependOnLibsWithTags: ['platform:any'] },
  { sourceTag: 'platform:browser', onlyDependOnLibsWithTags: ['platform:any', 'platform:browser'] },
  { sourceTag: 'platform:node', onlyDependOnLibsWithTags: ['platform:any', 'platform:node'] },
];

const boundaries = (tests) => [
  'error',
  { enforceBuildableLibDependency: true, allow: [], depConstraints: [...depConstraints({ tests }), ...scopeConstraints({ tests }), ...PLATFORM_CONSTRAINTS] },
];

export default [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  { ignores: ['**/node_modules', '**/dist', '.polku/**', '**/jest.config.cjs', 'jest.preset.cjs'] },
  {
    files: ['**/*.ts'],
    rules: {
      '@nx/enforce-module-boundaries': boundaries(false),
      'no-console': 'error',
      // `const { secret: _, ...rest } = value` is how a field is left out of a copy.
      '@typescript-eslint/no-unused-vars': ['warn', { ignoreRestSiblings: true }],
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.property.name='only'][callee.object.name=/^(it|describe|test)$/]", message: 'Focused tests hide failures.' },
        { selector: "CallExpression[callee.property.name='skip'][callee.object.name=/^(it|describe|test)$/]", message: 'Skipped tests hide failures.' },
      ],
    },
  },
  // The console's React components: the same boundaries and no console output.
  { files: ['apps/console/**/*.tsx'], rules: { '@nx/enforce-module-boundaries': boundaries(false), 'no-console': 'error' } },
  // Specs and their helpers (`testing/` folders) may use test servers and workers.
  { files: ['**/*.spec.ts', '**/testing/**/*.ts'], rules: { '@nx/enforce-module-boundaries': boundaries(true) } },
  {
    // Deterministic, pure code: no Node built-ins (module boundaries only see packages).
    files: ['libs/domain/**/*.ts', 'libs/contracts/**/*.ts', 'workflows/**/*.ts'],
    ignores: ['**/*.spec.ts', '**/testing/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: NODE_BUILTINS.map((name) => ({ name, message: PURE })),
          patterns: [{ group: ['node:*'], message: PURE }],
        },
      ],
    },
  },
];
