/**
 * The layers of docs/architecture.md, enforced: `npm test` runs this (tests/architecture) and
 * fails on a forbidden import. Paths are relative to the folder depcruise runs in.
 */
const SDKS = {
  teams: '^(botbuilder|botframework-|adaptivecards)',
  http: '^restify',
  storage: '^(pg|@electric-sql/pglite)($|/)',
  graph: '^(@microsoft/microsoft-graph-client|@azure/msal-node)',
  jobs: '^pg-boss',
};

module.exports = {
  forbidden: [
    {
      name: 'domain-is-pure',
      comment: 'The domain imports nothing outside itself: no SDK, no Node API, no other layer.',
      severity: 'error',
      from: { path: '^bot/src/domain/' },
      to: { pathNot: '^bot/src/domain/' },
    },
    {
      name: 'app-sees-only-domain',
      comment: 'Use cases and ports import only the domain and each other.',
      severity: 'error',
      from: { path: '^bot/src/app/' },
      to: { pathNot: '^bot/src/(app|domain)/' },
    },
    {
      name: 'adapters-never-import-each-other',
      comment: 'Each adapter stands alone; main.ts is the only place that knows them all.',
      severity: 'error',
      from: { path: '^bot/src/adapters/([^/]+)/' },
      to: { path: '^bot/src/adapters/', pathNot: '^bot/src/adapters/$1/' },
    },
    {
      name: 'only-main-wires',
      comment: 'main.ts, config.ts and logger.ts are the composition root: nothing imports them but main.ts.',
      severity: 'error',
      from: { path: '^bot/src/', pathNot: '^bot/src/main\\.ts$' },
      to: { path: '^bot/src/(main|config|logger)\\.ts$' },
    },
    ...Object.entries(SDKS).map(([adapter, sdk]) => ({
      name: `${adapter}-sdk-stays-in-its-adapter`,
      comment: `Only bot/src/adapters/${adapter}/ may import ${sdk}.`,
      severity: 'error',
      from: { path: '^bot/src/', pathNot: `^bot/src/adapters/${adapter}/` },
      to: {
        dependencyTypes: ['npm', 'npm-dev', 'npm-optional', 'npm-peer', 'npm-no-pkg', 'npm-unknown'],
        path: `(^|/)node_modules/${sdk.replace(/^\^/, '')}`,
      },
    })),
    {
      name: 'no-circular',
      severity: 'error',
      from: { path: '^bot/src/' },
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    exclude: { path: '(^|/)tests/' },
  },
};
