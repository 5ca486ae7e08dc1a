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
      DATABASE_URL: 'postgres://arbetsrum:db-password-value@db.example:5432/arbetsrum',
    });
    const summary = JSON.stringify(redactedSummary(config));
    expect(summary).not.toContain('client-secret-value');
    expect(summary).not.toContain('db-password-value');
    expect(summary).toContain('db.example');
  });
});
