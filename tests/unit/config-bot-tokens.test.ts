/** Where production mode checks the Bot Framework tokens of incoming activities: Bot Framework's own document unless told. */
import { readConfig, redactedSummary } from '../../bot/src/config';

const production = {
  MicrosoftAppId: '11111111-1111-4111-8111-111111111111',
  MicrosoftAppType: 'UserAssignedMSI',
  MicrosoftAppTenantId: '22222222-2222-4222-8222-222222222222',
  DATABASE_URL: 'postgres://db.example/arbetsrum',
  GRAPH_AUTH: 'managed-identity',
};

describe('bot channel token configuration', () => {
  it("is Bot Framework's own when unset", () => {
    expect(readConfig(production).bot.channelTokens).toBeUndefined();
    expect(readConfig({ ...production, BOT_OPENID_METADATA_URL: '', BOT_TOKEN_ISSUER: '' }).bot.channelTokens).toBeUndefined();
    expect(redactedSummary(readConfig(production))).toMatchObject({ bot: { channelTokens: "(Bot Framework's)" } });
  });

  it('takes another OpenID document over https, or over http on loopback, with its issuer', () => {
    expect(
      readConfig({ ...production, BOT_OPENID_METADATA_URL: 'https://bf-mirror.example.se/v1/.well-known/openidconfiguration' }).bot,
    ).toMatchObject({ channelTokens: { openIdMetadataUrl: 'https://bf-mirror.example.se/v1/.well-known/openidconfiguration' } });
    const local = readConfig({
      ...production,
      BOT_OPENID_METADATA_URL: 'http://127.0.0.1:41234/v1/.well-known/openidconfiguration',
      BOT_TOKEN_ISSUER: 'http://127.0.0.1:41234',
    });
    expect(local.bot.channelTokens).toEqual({
      openIdMetadataUrl: 'http://127.0.0.1:41234/v1/.well-known/openidconfiguration',
      issuer: 'http://127.0.0.1:41234',
    });
    expect(redactedSummary(local)).toMatchObject({ bot: { channelTokens: local.bot.channelTokens } });
  });

  it('refuses plain http off loopback, and an issuer without its document', () => {
    expect(() =>
      readConfig({ ...production, BOT_OPENID_METADATA_URL: 'http://bf-mirror.example.se/v1/.well-known/openidconfiguration' }),
    ).toThrow(/BOT_OPENID_METADATA_URL: https, or http on loopback/);
    expect(() => readConfig({ ...production, BOT_TOKEN_ISSUER: 'https://issuer.example.se' })).toThrow(
      /BOT_TOKEN_ISSUER: only with BOT_OPENID_METADATA_URL/,
    );
  });
});
