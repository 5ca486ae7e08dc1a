import { readConfig, redactedSummary } from '../../bot/src/config';

describe('configuration', () => {
  it('means local mode when nothing is set', () => {
    const config = readConfig({}, '/srv/app');
    expect(config).toMatchObject({
      mode: 'local',
      port: 3978,
      database: { kind: 'pglite', dataDir: '/srv/app/data/pglite' },
      playgroundPort: 56150,
      bot: { appId: '' },
    });
  });

  it('keeps local mode on this machine unless told otherwise; production listens everywhere', () => {
    expect(readConfig({}).host).toBe('127.0.0.1');
    expect(readConfig({ HOST: '0.0.0.0' }).host).toBe('0.0.0.0');
    const production = {
      MicrosoftAppId: 'a',
      MicrosoftAppType: 'UserAssignedMSI',
      MicrosoftAppTenantId: 't',
      DATABASE_URL: 'postgres://db.example/x',
    };
    expect(readConfig(production).host).toBe('0.0.0.0');
  });

  it('refuses to fall into local mode on a server', () => {
    expect(() => readConfig({ DATABASE_URL: 'postgres://db.example/arbetsrum' })).toThrow(
      /MicrosoftAppId: missing, but DATABASE_URL or App Service says this is a server/,
    );
    expect(() => readConfig({ WEBSITE_SITE_NAME: 'arbetsrum-prod' })).toThrow(/MicrosoftAppId: missing/);
    expect(readConfig({ DATABASE_URL: 'postgres://127.0.0.1/test', ARBETSRUM_MODE: 'local' })).toMatchObject({
      mode: 'local',
      database: { kind: 'postgres' },
    });
    expect(() => readConfig({ ARBETSRUM_MODE: 'production' })).toThrow(/MicrosoftAppId: required in production mode/);
  });

  it('explains what decides the mode under every error', () => {
    expect(() => readConfig({ MicrosoftAppId: 'x' })).toThrow(/MicrosoftAppId decides the mode/);
  });

  it('refuses a multi-tenant bot registration (deprecated for new bots)', () => {
    expect(() => readConfig({ MicrosoftAppId: 'a', MicrosoftAppType: 'MultiTenant', DATABASE_URL: 'postgres://db.example/x' })).toThrow(
      /MicrosoftAppType/,
    );
  });

  it('treats empty variables as unset', () => {
    expect(readConfig({ PORT: '', MicrosoftAppId: '  ', DATABASE_URL: '' }, '/srv/app')).toMatchObject({ mode: 'local', port: 3978 });
  });

  it('refuses a half-configured production, naming every missing variable', () => {
    expect(() => readConfig({ MicrosoftAppId: 'app-id' })).toThrow(
      /DATABASE_URL: required[\s\S]*MicrosoftAppType: required[\s\S]*MicrosoftAppTenantId: required/,
    );
  });

  it('refuses values it cannot use', () => {
    expect(() => readConfig({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => readConfig({ DATABASE_URL: 'mysql://db/x' })).toThrow(/DATABASE_URL/);
    expect(() => readConfig({ LOG_LEVEL: 'chatty' })).toThrow(/LOG_LEVEL/);
  });

  it('reads a complete production configuration', () => {
    const config = readConfig({
      MicrosoftAppId: 'app-id',
      MicrosoftAppType: 'UserAssignedMSI',
      MicrosoftAppTenantId: 'tenant',
      DATABASE_URL: 'postgres://arbetsrum:hemligt-lösen@db.example:5432/arbetsrum',
    });
    expect(config).toMatchObject({ mode: 'production', database: { kind: 'postgres' } });
  });

  it('never puts a secret in the summary it logs', () => {
    const config = readConfig({
      MicrosoftAppId: 'app-id',
      MicrosoftAppType: 'SingleTenant',
      MicrosoftAppTenantId: 'tenant',
      MicrosoftAppPassword: 'client-secret-value',
      DATABASE_URL: 'postgres://arbetsrum:db-password-value@db.example:5432/arbetsrum?password=query-password-value&sslmode=require',
    });
    const summary = JSON.stringify(redactedSummary(config));
    expect(summary).not.toContain('client-secret-value');
    expect(summary).not.toContain('db-password-value');
    expect(summary).not.toContain('query-password-value');
    expect(summary).toContain('db.example');
  });
});
