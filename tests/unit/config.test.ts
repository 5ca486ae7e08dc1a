import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { readConfig, redactedSummary } from '../../bot/src/config';

/** The least a production configuration needs; Graph by the service's managed identity. */
const production = {
  MicrosoftAppId: 'a',
  MicrosoftAppType: 'UserAssignedMSI',
  MicrosoftAppTenantId: 't',
  DATABASE_URL: 'postgres://db.example/x',
  GRAPH_AUTH: 'managed-identity',
};

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
      /DATABASE_URL: required[\s\S]*MicrosoftAppType: required[\s\S]*MicrosoftAppTenantId: required[\s\S]*GRAPH_AUTH: required/,
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
      GRAPH_AUTH: 'managed-identity',
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
      GRAPH_AUTH: 'client-secret',
      GRAPH_CLIENT_ID: 'graph-app',
      GRAPH_CLIENT_SECRET: 'graph-secret-value',
    });
    const summary = JSON.stringify(redactedSummary(config));
    expect(summary).not.toContain('client-secret-value');
    expect(summary).not.toContain('graph-secret-value');
    expect(redactedSummary(config).graph).toMatchObject({ auth: { kind: 'client-secret', clientId: 'graph-app', clientSecret: '***' } });
    expect(summary).not.toContain('db-password-value');
    expect(summary).not.toContain('query-password-value');
    expect(summary).toContain('db.example');
  });

  describe('PostgreSQL with Entra authentication', () => {
    const entra = {
      ...production,
      DATABASE_URL: 'postgres://arbetsrum-id@pg.example:5432/arbetsrum?sslmode=require',
      DATABASE_AUTH: 'managed-identity',
    };

    it('signs in with what DATABASE_URL holds unless told otherwise', () => {
      expect(readConfig(production).database).toEqual({ kind: 'postgres', url: production.DATABASE_URL, auth: { kind: 'password' } });
    });

    it('takes the token of a user-assigned identity, or of the system-assigned one', () => {
      expect(readConfig({ ...entra, DATABASE_CLIENT_ID: 'db-client' }).database).toMatchObject({
        auth: { kind: 'managed-identity', clientId: 'db-client' },
      });
      expect(readConfig(entra).database).toMatchObject({ auth: { kind: 'managed-identity' } });
      expect(redactedSummary(readConfig(entra)).database).toMatchObject({ auth: { kind: 'managed-identity' } });
    });

    it('refuses a password in the URL, or a URL without the user the token is for', () => {
      expect(() => readConfig({ ...entra, DATABASE_URL: 'postgres://arbetsrum-id:secret@pg.example/arbetsrum' })).toThrow(
        /DATABASE_URL: must hold no password with DATABASE_AUTH=managed-identity/,
      );
      expect(() => readConfig({ ...entra, DATABASE_URL: 'postgres://pg.example/arbetsrum' })).toThrow(/DATABASE_URL: needs the user/);
      expect(() => readConfig({ ...entra, DATABASE_AUTH: 'token' })).toThrow(/DATABASE_AUTH/);
    });
  });

  describe('Microsoft Graph', () => {
    it('is the local stand-in in local mode, whatever GRAPH_* says', () => {
      const config = readConfig({ GRAPH_AUTH: 'certificate', GRAPH_CERTIFICATE_PATH: '/nowhere/graph.pem' });
      expect(config.graph).toEqual({ kind: 'stand-in' });
      expect(redactedSummary(config).graph).toMatch(/stand-in/);
    });

    it('is required in production, with what its kind needs', () => {
      const { GRAPH_AUTH: _, ...withoutGraph } = production;
      expect(() => readConfig(withoutGraph)).toThrow(/GRAPH_AUTH: required in production mode: managed-identity \(recommended\)/);
      expect(() => readConfig({ ...production, GRAPH_AUTH: 'password' })).toThrow(/GRAPH_AUTH/);
      expect(() => readConfig({ ...production, GRAPH_AUTH: 'client-secret' })).toThrow(
        /GRAPH_CLIENT_ID: required for GRAPH_AUTH=client-secret[\s\S]*GRAPH_CLIENT_SECRET: required/,
      );
      expect(() => readConfig({ ...production, GRAPH_AUTH: 'certificate', GRAPH_CLIENT_ID: 'g' })).toThrow(
        /GRAPH_CERTIFICATE_PATH: required for GRAPH_AUTH=certificate/,
      );
    });

    it('uses the system-assigned identity unless GRAPH_CLIENT_ID names a user-assigned one', () => {
      expect(readConfig(production).graph).toEqual({
        kind: 'graph',
        baseUrl: 'https://graph.microsoft.com/v1.0',
        auth: { kind: 'managed-identity' },
      });
      expect(readConfig({ ...production, GRAPH_CLIENT_ID: 'mi-client' }).graph).toMatchObject({
        auth: { kind: 'managed-identity', clientId: 'mi-client' },
      });
    });

    it("takes a client secret for the bot's tenant unless GRAPH_TENANT_ID says otherwise", () => {
      const secret = { ...production, GRAPH_AUTH: 'client-secret', GRAPH_CLIENT_ID: 'g', GRAPH_CLIENT_SECRET: 's3cret' };
      expect(readConfig(secret).graph).toMatchObject({
        auth: { kind: 'client-secret', tenantId: 't', clientId: 'g', clientSecret: 's3cret' },
      });
      expect(readConfig({ ...secret, GRAPH_TENANT_ID: 'other' }).graph).toMatchObject({ auth: { tenantId: 'other' } });
    });

    it('accepts a Graph base URL on https, or http on loopback only', () => {
      expect(readConfig({ ...production, GRAPH_BASE_URL: 'https://graph.microsoft.us/v1.0/' }).graph).toMatchObject({
        baseUrl: 'https://graph.microsoft.us/v1.0',
      });
      expect(readConfig({ ...production, GRAPH_BASE_URL: 'http://127.0.0.1:3979/v1.0' }).graph).toMatchObject({
        baseUrl: 'http://127.0.0.1:3979/v1.0',
      });
      expect(() => readConfig({ ...production, GRAPH_BASE_URL: 'http://graph.example/v1.0' })).toThrow(
        /GRAPH_BASE_URL: https, or http on loopback/,
      );
    });

    const opensslFound = (() => {
      try {
        execFileSync('openssl', ['version'], { stdio: 'ignore' });
        return true;
      } catch {
        return false;
      }
    })();
    (opensslFound ? describe : describe.skip)(`a certificate file${opensslFound ? '' : ' (skipped: openssl not found on PATH)'}`, () => {
      let dir: string;
      const pem = (name: string) => readFileSync(path.join(dir, name), 'utf8');
      const write = (name: string, content: string) => {
        writeFileSync(path.join(dir, name), content);
        return path.join(dir, name);
      };
      const withFile = (file: string) => ({ ...production, GRAPH_AUTH: 'certificate', GRAPH_CLIENT_ID: 'g', GRAPH_CERTIFICATE_PATH: file });

      beforeAll(() => {
        dir = mkdtempSync(path.join(tmpdir(), 'arbetsrum-config-cert-'));
        for (const name of ['a', 'b']) {
          const args = ['-x509', '-newkey', 'rsa:2048', '-nodes', '-subj', `/CN=${name}`, '-days', '1'];
          execFileSync('openssl', ['req', ...args, '-keyout', path.join(dir, `${name}.key`), '-out', path.join(dir, `${name}.crt`)], {
            stdio: 'ignore',
          });
        }
      });
      afterAll(() => rmSync(dir, { recursive: true, force: true }));

      it('reads the private key and the certificate once, relative to the project, and never shows them', () => {
        write('bundle.pem', `${pem('b.crt')}${pem('a.crt')}${pem('a.key')}`);
        const config = readConfig(withFile('bundle.pem'), dir);
        if (config.graph.kind !== 'graph' || config.graph.auth.kind !== 'certificate') throw new Error('expected a certificate');
        expect(config.graph.auth.privateKeyPem).toBe(pem('a.key').trim());
        // The certificate that belongs to the key comes first, the rest of the chain after it.
        expect(config.graph.auth.certificatePem).toBe(`${pem('a.crt').trim()}\n${pem('b.crt').trim()}`);
        const summary = JSON.stringify(redactedSummary(config));
        expect(summary).not.toContain(pem('a.key').split('\n')[1]);
        expect(summary).not.toContain(pem('a.crt').split('\n')[1]);
        expect(redactedSummary(config).graph).toMatchObject({ auth: { kind: 'certificate', privateKey: '***', certificate: '***' } });
      });

      it('refuses a file it cannot use, naming the file and not its content', () => {
        const key = pem('a.key');
        expect(() => readConfig(withFile(path.join(dir, 'missing.pem')))).toThrow(/GRAPH_CERTIFICATE_PATH: cannot be read: ENOENT/);
        expect(() => readConfig(withFile(write('only-cert.pem', pem('a.crt'))))).toThrow(/needs exactly one private key in PEM, found 0/);
        expect(() => readConfig(withFile(write('only-key.pem', key)))).toThrow(/has no certificate/);
        expect(() => readConfig(withFile(write('mismatch.pem', pem('b.crt') + key)))).toThrow(
          /no certificate in the file belongs to the private key/,
        );
        const encrypted = key.replace(/PRIVATE KEY/g, 'ENCRYPTED PRIVATE KEY');
        expect(() => readConfig(withFile(write('encrypted.pem', pem('a.crt') + encrypted)))).toThrow(/the private key is encrypted/);
        try {
          readConfig(withFile(write('mismatch.pem', pem('b.crt') + key)));
        } catch (error) {
          expect((error as Error).message).not.toContain(key.split('\n')[1]);
        }
      });
    });
  });
});
