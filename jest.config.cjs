/** One jest run for every kind of test; e2e and browser tests start real processes, hence the timeout. */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/tests'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.tsx?$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json' }],
  },
  globalSetup: '<rootDir>/tests/support/global-setup.cjs',
  testTimeout: 30000,
  // Three on a 2-core machine: the kill-and-restart and two-instance tests spend most of their
  // minutes waiting on real time (Teams' pacing, pg-boss polls), and a third worker runs other
  // files meanwhile instead of leaving a core idle.
  maxWorkers: 3,
  reporters: ['default', '<rootDir>/tests/support/summary-reporter.cjs'],
};
