/**
 * The Bot Framework authentication the adapter and the endpoint are built with: by default
 * botbuilder's own public-cloud settings; with `channelTokens`, another OpenID document and issuer
 * for incoming tokens and, for everything else, the public-cloud values spelled out as the SDK has them.
 */
import { AuthenticationConstants } from 'botframework-connector';
import { CallerIdConstants } from 'botbuilder';
import { BOT_FRAMEWORK_PUBLIC_CLOUD, botFrameworkAuthentication, type BotAuthSettings } from '../../../bot/src/adapters/teams/bot-endpoint';

const settings: BotAuthSettings = {
  appId: '11111111-1111-4111-8111-111111111111',
  appPassword: '',
  appType: 'UserAssignedMSI',
  appTenantId: '22222222-2222-4222-8222-222222222222',
};

/** The settings ParameterizedBotFrameworkAuthentication ended up with (private fields, read for this test only). */
function effective(auth: ReturnType<typeof botFrameworkAuthentication>): Record<string, unknown> {
  const inner = (auth as unknown as { inner: Record<string, unknown> }).inner;
  const keys = [
    'validateAuthority',
    'toChannelFromBotLoginUrl',
    'toChannelFromBotOAuthScope',
    'toBotFromChannelTokenIssuer',
    'oAuthUrl',
    'toBotFromChannelOpenIdMetadataUrl',
    'toBotFromEmulatorOpenIdMetadataUrl',
    'callerId',
  ];
  return Object.fromEntries(keys.map((k) => [k, inner[k]]));
}

describe('Bot Framework authentication settings', () => {
  it("spells out the public cloud exactly as botframework-connector's constants do", () => {
    expect(BOT_FRAMEWORK_PUBLIC_CLOUD).toEqual({
      ToBotFromChannelTokenIssuer: AuthenticationConstants.ToBotFromChannelTokenIssuer,
      ToChannelFromBotLoginUrl: AuthenticationConstants.ToChannelFromBotLoginUrl,
      ToChannelFromBotOAuthScope: AuthenticationConstants.ToChannelFromBotOAuthScope,
      OAuthUrl: AuthenticationConstants.OAuthUrl,
      ToBotFromEmulatorOpenIdMetadataUrl: AuthenticationConstants.ToBotFromEmulatorOpenIdMetadataUrl,
      CallerId: CallerIdConstants.PublicAzureChannel,
    });
  });

  it("uses Bot Framework's own document and issuer by default", () => {
    expect(effective(botFrameworkAuthentication(settings))).toMatchObject({
      toBotFromChannelOpenIdMetadataUrl: 'https://login.botframework.com/v1/.well-known/openidconfiguration',
      toBotFromChannelTokenIssuer: 'https://api.botframework.com',
    });
  });

  it('changes only where channel tokens are checked when channelTokens is given', () => {
    const byDefault = effective(botFrameworkAuthentication(settings));
    const metadataUrl = 'https://bf-mirror.example.se/v1/.well-known/openidconfiguration';
    expect(effective(botFrameworkAuthentication({ ...settings, channelTokens: { openIdMetadataUrl: metadataUrl } }))).toEqual({
      ...byDefault,
      toBotFromChannelOpenIdMetadataUrl: metadataUrl,
    });
    expect(
      effective(
        botFrameworkAuthentication({ ...settings, channelTokens: { openIdMetadataUrl: metadataUrl, issuer: 'https://issuer.example.se' } }),
      ),
    ).toEqual({ ...byDefault, toBotFromChannelOpenIdMetadataUrl: metadataUrl, toBotFromChannelTokenIssuer: 'https://issuer.example.se' });
  });
});
