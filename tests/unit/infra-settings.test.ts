/**
 * infra/ against the service: no Bicep compiler runs here, so the settings main.bicep hands the
 * web app are read as text and put through the service's own configuration code. A setting the
 * service does not know, a secret, a missing production variable, a health path or Node version
 * the service does not have, or a toolkit step that points at nothing fails here, not in Azure.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { Server } from 'restify';
import { registerHealth } from '../../bot/src/adapters/http/routes/health';
import { readConfig } from '../../bot/src/config';
import { envSchema } from '../../bot/src/config-env-schema';
import { child, entries, interpolations, literal, moduleCall, paramDefault, resource, stripComments } from '../support/bicep-text';
import { isIgnored, parseIgnoreFile } from '../support/ignore-file';

const root = path.resolve(__dirname, '..', '..');
const read = (file: string) => readFileSync(path.join(root, file), 'utf8');
const bicep = (file: string) => stripComments(read(`infra/${file}`));

const main = bicep('main.bicep');
const settings = entries(child(resource(main, 'Microsoft.Web/sites/config'), 'properties'));
const site = resource(main, 'Microsoft.Web/sites');
const siteConfig = entries(child(site, 'siteConfig'));

/** App Service's own settings, which the service never reads; each needs a reason to be here. */
const PLATFORM_SETTINGS: Record<string, string> = {
  WEBSITE_RUN_FROM_PACKAGE: 'runs the uploaded zip read-only, so every instance runs the same files',
  SCM_DO_BUILD_DURING_DEPLOYMENT: 'the zip is built already (npm run build); no npm install on the server',
};
const SECRET_NAMES = ['MicrosoftAppPassword', 'GRAPH_CLIENT_SECRET', 'GRAPH_CERTIFICATE_PATH'];
const CLIENT_ID = 'identity.properties.clientId';

/**
 * The environment App Service would hand the service, with a stand-in per Bicep expression: literals
 * as written, each `${...}` as a plain word, and a whole expression as the first sample the
 * variable's own schema accepts (an id, or a mail address for MAIL_SENDER).
 */
function sampleEnv(): Record<string, string> {
  const shape = envSchema.shape as Record<string, { safeParse(v: unknown): { success: boolean } }>;
  const samples = ['00000000-0000-4000-8000-000000000001', 'arbetsrum@example.se'];
  const env: Record<string, string> = {};
  for (const [name, value] of settings) {
    const text = literal(value, (_e, i) => `v${i}`);
    env[name] = text ?? samples.find((s) => shape[name]?.safeParse(s).success) ?? '';
  }
  return env;
}

describe('infra/main.bicep app settings', () => {
  it('names only variables the service reads, or App Service settings with a reason', () => {
    const known = new Set([...Object.keys(envSchema.shape), ...Object.keys(PLATFORM_SETTINGS)]);
    expect([...settings.keys()].filter((name) => !known.has(name))).toEqual([]);
    expect(settings.size).toBeGreaterThanOrEqual(11);
  });

  it('is a valid production configuration for the service', () => {
    const env = sampleEnv();
    const parsed = envSchema.safeParse(env);
    expect(parsed.error?.issues ?? []).toEqual([]);
    const config = readConfig(env, root);
    expect(config.mode).toBe('production');
    expect(config.bot.appType).toBe('UserAssignedMSI');
    expect(config.database).toMatchObject({ kind: 'postgres', auth: { kind: 'managed-identity', clientId: env.MicrosoftAppId } });
    expect(config.graph).toMatchObject({ kind: 'graph', auth: { kind: 'managed-identity', clientId: env.MicrosoftAppId } });
    expect(config.tabSso).toMatchObject({ appId: env.TAB_APP_ID, appIdUri: env.TAB_APP_ID_URI });
  });

  it('holds no secret: no secret variables, no password in DATABASE_URL', () => {
    for (const name of settings.keys()) {
      expect(SECRET_NAMES).not.toContain(name);
      expect(name).not.toMatch(/password|secret|certificate|connection_?string|_key$/i);
    }
    const url = new URL(literal(settings.get('DATABASE_URL') ?? '', (_e, i) => `v${i}`) ?? 'invalid:');
    expect(url.password).toBe('');
    expect(url.protocol).toBe('postgres:');
    expect(url.searchParams.get('sslmode')).toMatch(/^(require|verify-full)$/);
    expect(main).not.toMatch(/administratorLoginPassword|listKeys\(|listCredentials\(/);
  });

  it('uses the one managed identity for the bot, Graph and PostgreSQL, which signs in as the Entra admin', () => {
    for (const name of ['MicrosoftAppId', 'GRAPH_CLIENT_ID', 'DATABASE_CLIENT_ID']) expect(settings.get(name)).toBe(CLIENT_ID);
    expect(settings.get('MicrosoftAppType')).toBe("'UserAssignedMSI'");
    expect(settings.get('DATABASE_AUTH')).toBe("'managed-identity'");
    expect(settings.get('GRAPH_AUTH')).toBe("'managed-identity'");
    const [user, host] = interpolations(settings.get('DATABASE_URL') ?? '');
    expect(user).toBe(entries(child(moduleCall(main, 'modules/postgres.bicep'), 'params')).get('adminPrincipalName'));
    expect(host).toBe('postgres.outputs.fqdn');
    const bot = entries(child(moduleCall(main, 'modules/bot.bicep'), 'params'));
    expect(bot.get('identityClientId')).toBe(CLIENT_ID);
    expect(bot.get('endpoint')).toBe("'https://${site.properties.defaultHostName}/api/messages'");
  });

  it('points TAB_APP_ID_URI at the same Application ID URI the Entra app exposes', () => {
    const manifest = JSON.parse(read('infra/aad.manifest.json')) as { identifierUris: string[] };
    expect(manifest.identifierUris).toEqual(['api://${{APP_DOMAIN}}/${{TAB_APP_ID}}']);
    expect(settings.get('TAB_APP_ID_URI')).toBe("'api://${site.properties.defaultHostName}/${tabAppId}'");
    expect(settings.get('TAB_APP_ID')).toBe('tabAppId');
  });

  it('writes TAB_APP_ID_URI and the site name to the environment file, as the docs use them', () => {
    // arm/deploy writes outputs to env/.env.<name>: `npm run package` compares TAB_APP_ID_URI with
    // the package, and docs/deploy.md names the web app by APP_NAME.
    const outputs = new Map([...main.matchAll(/^output (\w+) \w+ = (.+)$/gm)].map((m) => [m[1] as string, (m[2] as string).trim()]));
    expect(outputs.get('TAB_APP_ID_URI')).toBe(settings.get('TAB_APP_ID_URI'));
    expect(outputs.get('APP_NAME')).toBe('site.name');
    expect(outputs.get('APP_DOMAIN')).toBe('site.properties.defaultHostName');
  });
});

describe('infra/main.bicep resources', () => {
  it('defaults to Sweden Central', () => {
    expect(paramDefault(main, 'location')).toBe("'swedencentral'");
  });

  it('probes the route the service answers health on', () => {
    const paths: string[] = [];
    registerHealth({ get: (p: string) => paths.push(p) } as unknown as Server, async () => ({ database: 'up' }));
    expect(paths).toHaveLength(1);
    expect(siteConfig.get('healthCheckPath')).toBe(`'${paths[0]}'`);
  });

  it('runs the Node major version package.json asks for, and the compiled entry point', () => {
    const engines = (JSON.parse(read('package.json')) as { engines: { node: string } }).engines.node;
    const major = /(\d+)/.exec(engines)?.[1];
    expect(siteConfig.get('linuxFxVersion')).toBe(`'NODE|${major}-lts'`);
    const build = JSON.parse(read('tsconfig.build.json')) as { compilerOptions: { outDir: string; rootDir: string } };
    expect(build.compilerOptions).toMatchObject({ outDir: 'dist', rootDir: '.' });
    expect(existsSync(path.join(root, 'bot/src/main.ts'))).toBe(true);
    expect(siteConfig.get('appCommandLine')).toBe("'node dist/bot/src/main.js'");
  });

  it('is locked down: https only, TLS 1.2, no FTP, always on, the identity attached', () => {
    const props = entries(child(site, 'properties'));
    expect(props.get('httpsOnly')).toBe('true');
    expect(props.get('keyVaultReferenceIdentity')).toBe('identity.id');
    expect(siteConfig.get('ftpsState')).toBe("'Disabled'");
    expect(siteConfig.get('minTlsVersion')).toBe("'1.2'");
    expect(siteConfig.get('alwaysOn')).toBe('true');
    expect(entries(child(site, 'identity')).get('type')).toBe("'UserAssigned'");
  });

  it('registers the bot as UserAssignedMSI with the Teams channel', () => {
    const text = bicep('modules/bot.bicep');
    const props = entries(child(resource(text, 'Microsoft.BotService/botServices'), 'properties'));
    expect(props.get('msaAppType')).toBe("'UserAssignedMSI'");
    expect(props.get('msaAppId')).toBe('identityClientId');
    expect(props.get('msaAppMSIResourceId')).toBe('identityResourceId');
    expect(entries(resource(text, 'Microsoft.BotService/botServices/channels')).get('name')).toBe("'MsTeamsChannel'");
  });

  it('lets PostgreSQL accept Entra sign-in only, for the arbetsrum database, with point-in-time restore', () => {
    const text = bicep('modules/postgres.bicep');
    const server = resource(text, 'Microsoft.DBforPostgreSQL/flexibleServers');
    const auth = entries(child(server, 'authConfig'));
    expect(auth.get('passwordAuth')).toBe("'Disabled'");
    expect(auth.get('activeDirectoryAuth')).toBe("'Enabled'");
    expect(server).not.toMatch(/administratorLogin/);
    expect(paramDefault(text, 'databaseName')).toBe("'arbetsrum'");
    expect(entries(resource(text, 'Microsoft.DBforPostgreSQL/flexibleServers/databases')).get('name')).toBe('databaseName');
    expect(child(server, 'properties')).toMatch(/backup: \{ backupRetentionDays: backupRetentionDays/);
    expect(entries(resource(text, 'Microsoft.DBforPostgreSQL/flexibleServers/administrators')).get('name')).toBe('adminPrincipalId');
  });

  it('sends no personal data to Log Analytics: no HTTP logs (search words in URLs), database errors without DETAIL', () => {
    const diagnostics = resource(main, 'Microsoft.Insights/diagnosticSettings');
    expect(diagnostics).toMatch(/AppServiceConsoleLogs/);
    expect(diagnostics).not.toMatch(/AppServiceHTTPLogs/);
    const verbosity = resource(bicep('modules/postgres.bicep'), 'Microsoft.DBforPostgreSQL/flexibleServers/configurations');
    expect(entries(verbosity).get('name')).toBe("'log_error_verbosity'");
    expect(verbosity).toMatch(/value: 'TERSE'/);
  });

  it('keeps Key Vault on RBAC with purge protection, and gives the identity only Key Vault Secrets User', () => {
    const text = bicep('modules/key-vault.bicep');
    const props = entries(child(resource(text, 'Microsoft.KeyVault/vaults'), 'properties'));
    expect(props.get('enableRbacAuthorization')).toBe('true');
    expect(props.get('enablePurgeProtection')).toBe('true');
    expect(text).toMatch(/keyVaultSecretsUserRoleId = '4633458b-17de-408a-b874-0445c86b69e6'/);
  });
});

describe('m365agents.yml', () => {
  const yml = read('m365agents.yml');
  /** `- uses:` steps of one lifecycle section, in order. */
  const steps = (section: string) =>
    (new RegExp(`^${section}:\\n([\\s\\S]*?)(?=^\\w|$(?![\\s\\S]))`, 'm').exec(yml)?.[1] ?? '').split(/^ {2}- /m).slice(1);
  const provision = steps('provision');
  const stepIndex = (action: string) => provision.findIndex((s) => s.startsWith(`uses: ${action}\n`));
  /** The variables steps before `index` write: `writeToEnvironmentFile` entries, and arm/deploy's outputs. */
  const writtenBefore = (index: number) =>
    provision
      .slice(0, index)
      .flatMap((step) => [
        ...[...(/writeToEnvironmentFile:\n((?: {6}\w+: \w+\n?)+)/.exec(step)?.[1] ?? '').matchAll(/: (\w+)/g)].map((m) => m[1] as string),
        ...(step.startsWith('uses: arm/deploy') ? [...main.matchAll(/^output (\w+) /gm)].map((m) => m[1] as string) : []),
      ]);
  const placeholders = (text: string) => [...new Set([...text.matchAll(/\$\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1] as string))];
  const documented = () => {
    const file = path.join(root, 'env/.env.example');
    return existsSync(file) ? [...readFileSync(file, 'utf8').matchAll(/^#?\s*([A-Z][A-Z0-9_]*)=/gm)].map((m) => m[1] as string) : [];
  };

  it('points at files that exist', () => {
    const files = [...yml.matchAll(/^\s+(?:- )?(?:path|parameters|manifestPath|ignoreFile): (\S+)$/gm)].map((m) => m[1] as string);
    expect(files).toEqual(
      expect.arrayContaining([
        './infra/main.bicep',
        './infra/main.parameters.json',
        './appPackage/manifest.json',
        './infra/aad.manifest.json',
      ]),
    );
    expect(files.filter((f) => !existsSync(path.join(root, f)))).toEqual([]);
  });

  it('provisions in an order where every placeholder is known when a step reads it', () => {
    const builtIn = ['TEAMSFX_ENV'];
    const unknown = (file: string, index: number, extra: string[] = []) => {
      expect(index).toBeGreaterThanOrEqual(0);
      // A variable a step writes counts only once that step has run, documented or not.
      const writtenByAny = new Set(writtenBefore(provision.length));
      const known = new Set([...builtIn, ...writtenBefore(index), ...documented().filter((v) => !writtenByAny.has(v)), ...extra]);
      return placeholders(read(file)).filter((v) => !known.has(v));
    };
    expect(unknown('infra/main.parameters.json', stepIndex('arm/deploy'))).toEqual([]);
    // aadApp/update makes up the scope's id itself when it is not set.
    expect(unknown('infra/aad.manifest.json', stepIndex('aadApp/update'), ['AAD_APP_ACCESS_AS_USER_PERMISSION_ID'])).toEqual([]);
    expect(unknown('appPackage/manifest.json', stepIndex('teamsApp/validateManifest'))).toEqual([]);
    expect(stepIndex('aadApp/update')).toBeGreaterThan(stepIndex('arm/deploy'));
  });

  it('builds before it deploys, and deploys with .webappignore', () => {
    const deploy = steps('deploy').map((s) => /args: (.+)/.exec(s)?.[1] ?? /uses: (\S+)/.exec(s)?.[1]);
    expect(deploy).toEqual(['ci', 'run build', 'prune --omit=dev', 'azureAppService/zipDeploy']);
    expect(yml).toMatch(/ignoreFile: \.webappignore\n\s+resourceId: \$\{\{AZURE_APP_SERVICE_RESOURCE_ID\}\}/);
  });
});

describe('.webappignore', () => {
  const rules = parseIgnoreFile(read('.webappignore'));
  const migrations = readdirSync(path.join(root, 'bot/src/adapters/storage/migrations')).map(
    (f) => `bot/src/adapters/storage/migrations/${f}`,
  );

  it('uploads what the compiled service reads at run time', () => {
    const runtime = [
      'package.json',
      'dist/bot/src/main.js',
      'tab/dist/index.html',
      'tab/dist/chunks/a.js',
      'node_modules/pg/lib/index.js',
      ...migrations,
    ];
    expect(runtime.filter((file) => isIgnored(rules, file))).toEqual([]);
  });

  it('leaves out secrets, sources, tests and local data', () => {
    const kept = [
      '.env',
      'env/.env.dev',
      'env/.env.dev.user',
      'graph.pem',
      '.git/config',
      'tests/unit/a.test.ts',
      'bench/run.ts',
      'docs/deploy.md',
    ]
      .concat([
        'data/pglite/x',
        'bot/src/main.ts',
        'bot/seed/x.json',
        'tab/src/main.tsx',
        'tab/index.html',
        'appPackage/build/a.zip',
        'infra/main.bicep',
      ])
      .filter((file) => !isIgnored(rules, file));
    expect(kept).toEqual([]);
  });

  it('drops only packages the server never imports', () => {
    const dropped = [...read('.webappignore').matchAll(/^node_modules\/(@?[\w-][\w.-]*(?:\/[\w.-]+)?)\/$/gm)].map((m) => m[1] as string);
    const sources = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
        e.isDirectory() ? sources(path.join(dir, e.name)) : [path.join(dir, e.name)],
      );
    const imports = sources(path.join(root, 'bot/src'))
      .filter((f) => f.endsWith('.ts'))
      .flatMap((f) => [...readFileSync(f, 'utf8').matchAll(/(?:from |import\()'([^'.][^']*)'/g)].map((m) => m[1] as string));
    expect(imports.filter((spec) => dropped.some((pkg) => pkg !== '.cache' && (spec === pkg || spec.startsWith(`${pkg}/`))))).toEqual([]);
  });
});
