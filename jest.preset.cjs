// Shared jest setup for every project: SWC transpiles TypeScript (with decorator metadata for
// NestJS), and @polku/* imports resolve to the same source files tsconfig.base.json names.
const fs = require('node:fs');
const path = require('node:path');

const root = __dirname;

// A test run is local development against the loopback stack: dev passwords, the dev master
// key and the dev issuer's defaults may work here (libs/config refuses them anywhere else).
// Jest's workers inherit this process's environment.
process.env.POLKU_LOCAL_DEV ??= 'true';
const { $schema, ...swcOptions } = JSON.parse(fs.readFileSync(path.join(root, '.swcrc'), 'utf8'));
const { paths } = JSON.parse(fs.readFileSync(path.join(root, 'tsconfig.base.json'), 'utf8')).compilerOptions;

const moduleNameMapper = Object.fromEntries(
  Object.entries(paths).map(([alias, [target]]) => [`^${alias}$`, path.join(root, target)]),
);

module.exports = {
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': ['@swc/jest', { ...swcOptions, swcrc: false }] },
  moduleFileExtensions: ['ts', 'js', 'json'],
  moduleNameMapper,
  testMatch: ['<rootDir>/**/*.spec.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/.polku/'],
  testTimeout: 60_000,
  reporters: ['default', path.join(root, 'infra', 'jest', 'summary-reporter.cjs')],
  // Integration and e2e specs share the real services; one file at a time keeps them honest.
  maxWorkers: 1,
};
