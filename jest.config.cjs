/** One jest run for every kind of test; e2e and browser tests start real processes, hence the timeout. */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/tests'],
  testMatch: ['**/*.test.ts'],
  // @microsoft/app-manifest requires strip-bom, an ES module Jest cannot require: a CommonJS stand-in.
  moduleNameMapper: { '^strip-bom$': '<rootDir>/tests/support/strip-bom.cjs' },
  transform: {
    '^.+\\.tsx?$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json' }],
  },
  globalSetup: '<rootDir>/tests/support/global-setup.cjs',
  testTimeout: 30000,
  maxWorkers: 2,
  reporters: ['default', '<rootDir>/tests/support/summary-reporter.cjs'],
};
