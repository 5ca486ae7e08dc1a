/** The Teams SSO settings of production mode: defaults from the bot registration, overrides checked. */
import { readConfig, redactedSummary } from '../../bot/src/config';

const production = {
  MicrosoftAppId: '11111111-1111-4111-8111-111111111111',
  MicrosoftAppType: 'UserAssignedMSI',
  MicrosoftAppTenantId: '22222222-2222-4222-8222-222222222222',
  DATABASE_URL: 'postgres://db.example/arbetsrum',
  GRAPH_AUTH: 'managed-identity',
};

describe('tab SSO configuration', () => {
  it('is absent in local mode (the dev sign-in is used)', () => {
    expect(readConfig({}).tabSso).toBeNull();
  });

  it("defaults to the bot's app id, api://<app id> and Entra's metadata for the tenant", () => {
    expect(readConfig(production).tabSso).toEqual({
      tenantId: '22222222-2222-4222-8222-222222222222',
      appId: '11111111-1111-4111-8111-111111111111',
      appIdUri: 'api://11111111-1111-4111-8111-111111111111',
      metadataUrl: 'https://login.microsoftonline.com/22222222-2222-4222-8222-222222222222/v2.0/.well-known/openid-configuration',
    });
  });

  it('takes the tab its own app registration and app id URI', () => {
    const config = readConfig({
      ...production,
      TAB_APP_ID: '33333333-3333-4333-8333-333333333333',
      TAB_APP_ID_URI: 'api://arbetsrum.example.se/33333333-3333-4333-8333-333333333333',
    });
    expect(config.tabSso).toMatchObject({
      appId: '33333333-3333-4333-8333-333333333333',
      appIdUri: 'api://arbetsrum.example.se/33333333-3333-4333-8333-333333333333',
    });
    expect(readConfig({ ...production, TAB_APP_ID: '33333333-3333-4333-8333-333333333333' }).tabSso?.appIdUri).toBe(
      'api://33333333-3333-4333-8333-333333333333',
    );
  });

  it('accepts a metadata URL on https or on loopback only', () => {
    expect(
      readConfig({ ...production, ENTRA_OPENID_METADATA_URL: 'http://127.0.0.1:4000/v2.0/.well-known/openid-configuration' }).tabSso,
    ).toMatchObject({ metadataUrl: 'http://127.0.0.1:4000/v2.0/.well-known/openid-configuration' });
    expect(() =>
      readConfig({ ...production, ENTRA_OPENID_METADATA_URL: 'http://issuer.example/.well-known/openid-configuration' }),
    ).toThrow(/ENTRA_OPENID_METADATA_URL: https, or http on loopback/);
    expect(() => readConfig({ ...production, TAB_APP_ID_URI: 'not a uri' })).toThrow(/TAB_APP_ID_URI/);
  });

  it('shows the SSO settings in the logged summary', () => {
    expect(redactedSummary(readConfig(production))).toMatchObject({ tabSso: { appIdUri: 'api://11111111-1111-4111-8111-111111111111' } });
  });
});
