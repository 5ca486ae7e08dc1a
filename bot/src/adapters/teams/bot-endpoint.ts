/**
 * The Bot Framework side of `POST /api/messages`: a CloudAdapter authenticated with the
 * conventional MicrosoftApp* settings. An empty app id turns authentication off, which
 * config.ts allows only in local mode.
 */
import {
  CallerIdConstants,
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  type Activity,
  type ConfigurationBotFrameworkAuthenticationOptions,
  type Request,
  type Response,
  type TurnContext,
} from 'botbuilder';
import type { Logger } from '../../app/ports/logger';
import { pickLocale, type Locale } from '../../app/i18n/locale';
import { botMessages } from '../../app/i18n/messages';
import { activityEnvelopeProblem } from './activity-envelope';
import { ArbetsrumBot, type BotUseCases } from './arbetsrum-bot';

export interface BotAuthSettings {
  appId: string;
  appPassword: string;
  appType: string;
  appTenantId: string;
  /**
   * Where the channel's signing keys are published (an OpenID metadata document) and the issuer
   * its tokens carry. Unset = Bot Framework's own; tests point it at a local issuer. The issuer
   * defaults to Bot Framework's (`https://api.botframework.com`).
   */
  channelTokens?: { openIdMetadataUrl: string; issuer?: string };
}

/**
 * Bot Framework's public cloud, as botframework-connector's AuthenticationConstants says (botbuilder
 * does not export them). Once one of these is given, ConfigurationBotFrameworkAuthentication takes
 * all of them as given, so with `channelTokens` the rest must be spelled out.
 * tests/unit/teams/bot-framework-auth.test.ts holds them to the SDK's.
 */
export const BOT_FRAMEWORK_PUBLIC_CLOUD = {
  ToBotFromChannelTokenIssuer: 'https://api.botframework.com',
  ToChannelFromBotLoginUrl: 'https://login.microsoftonline.com/botframework.com',
  ToChannelFromBotOAuthScope: 'https://api.botframework.com',
  OAuthUrl: 'https://api.botframework.com',
  ToBotFromEmulatorOpenIdMetadataUrl: 'https://login.microsoftonline.com/common/v2.0/.well-known/openid-configuration',
  CallerId: CallerIdConstants.PublicAzureChannel,
} as const;

/** How incoming activities are authenticated and outgoing ones get their token. */
export function botFrameworkAuthentication(settings: BotAuthSettings): ConfigurationBotFrameworkAuthentication {
  const channel = settings.channelTokens;
  return new ConfigurationBotFrameworkAuthentication({
    MicrosoftAppId: settings.appId,
    MicrosoftAppPassword: settings.appPassword,
    MicrosoftAppType: settings.appType,
    MicrosoftAppTenantId: settings.appTenantId,
    ...(channel
      ? {
          ...BOT_FRAMEWORK_PUBLIC_CLOUD,
          ToBotFromChannelOpenIdMetadataUrl: channel.openIdMetadataUrl,
          ToBotFromChannelTokenIssuer: channel.issuer ?? BOT_FRAMEWORK_PUBLIC_CLOUD.ToBotFromChannelTokenIssuer,
        }
      : {}),
  } satisfies ConfigurationBotFrameworkAuthenticationOptions);
}

/**
 * Bot Framework's rules for a channel's token, checked before the adapter runs. botbuilder checks
 * the signature against the OpenID metadata's keys (RS256/384/512 only), the issuer, the audience
 * (the app id), the lifetime (5 minutes' skew) and the key's endorsements for the channel id, but
 * it answers 500, not 401, to some bad tokens (a bad signature, `alg` none or HS256, not yet
 * valid, no channelId), it skips the serviceUrl claim when the activity has no serviceUrl (and runs
 * the turn), and the endorsements when its channelId is empty. Returns why the activity is refused,
 * or null.
 */
async function channelTokenRefusal(auth: ConfigurationBotFrameworkAuthentication, req: Request): Promise<string | null> {
  const activity = req.body as Partial<Activity> | undefined;
  const header = req.headers.authorization ?? req.headers.Authorization;
  if (typeof header !== 'string' || header.trim() === '') return 'no Authorization header';
  // The bot answers to the serviceUrl: the token must vouch for it.
  if (typeof activity?.serviceUrl !== 'string' || activity.serviceUrl === '') return 'the activity has no serviceUrl';
  if (typeof activity.channelId !== 'string' || activity.channelId === '') return 'the activity has no channelId';
  try {
    const { claimsIdentity } = await auth.authenticateRequest(activity as Activity, header);
    // botbuilder compares them too; checked here as well, so no SDK change can drop it unseen.
    if (claimsIdentity.getClaimValue('serviceurl') !== activity.serviceUrl) return "the token's serviceurl claim is not the activity's";
    return null;
  } catch (error) {
    return (error instanceof Error ? error.message : String(error)).slice(0, 200);
  }
}

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

export function isLoopbackServiceUrl(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  try {
    const url = new URL(value);
    return (
      (url.protocol === 'http:' || url.protocol === 'https:') && (LOOPBACK.has(url.hostname) || /^127\.\d+\.\d+\.\d+$/.test(url.hostname))
    );
  } catch {
    return false;
  }
}

/** The Bot Framework adapter: authenticates incoming activities and sends replies and proactive messages. */
export function createCloudAdapter(settings: BotAuthSettings, logger: Logger, language: 'auto' | Locale = 'auto'): CloudAdapter {
  const adapter = new CloudAdapter(botFrameworkAuthentication(settings));
  adapter.onTurnError = async (context: TurnContext, error: unknown) => {
    logger.error(
      {
        activityType: context.activity.type,
        err: error instanceof Error ? { name: error.name, message: error.message, stack: error.stack } : String(error),
      },
      'bot turn failed',
    );
    await context
      .sendActivity(botMessages(language === 'auto' ? pickLocale(context.activity.locale) : language).somethingWentWrong)
      .catch(() => undefined);
  };
  return adapter;
}

export function createBotEndpoint(
  settings: BotAuthSettings,
  useCases: BotUseCases,
  logger: Logger,
  language: 'auto' | Locale = 'auto',
  adapter: CloudAdapter = createCloudAdapter(settings, logger, language),
) {
  const bot = new ArbetsrumBot(useCases, logger, language);
  const authOff = settings.appId === '';
  // The same settings as the adapter's (the keys are cached per metadata URL, not per object).
  const channelAuth = authOff ? null : botFrameworkAuthentication(settings);
  return {
    adapter,
    bot,
    handle: async (req: Request, res: Response): Promise<void> => {
      // With auth off (local mode) nothing vouches for an activity, and the bot answers to the
      // activity's serviceUrl: only the Playground on this machine may be that service.
      if (authOff && !isLoopbackServiceUrl((req.body as { serviceUrl?: unknown } | undefined)?.serviceUrl)) {
        logger.warn({}, 'local mode: activity refused, its serviceUrl is not on this machine');
        res.status(401);
        res.send({
          code: 'service-url-not-local',
          message: 'In local mode the bot answers only a connector on this machine (the Agents Playground).',
        });
        res.end();
        return;
      }
      const refusal = channelAuth ? await channelTokenRefusal(channelAuth, req) : null;
      if (refusal !== null) {
        // The reason, never the token.
        logger.warn({ reason: refusal }, 'bot activity refused: its Bot Framework token did not check out');
        res.status(401);
        res.send({ code: 'unauthenticated', message: 'The Bot Framework token is missing or not valid for this activity.' });
        res.end();
        return;
      }
      const unreadable = activityEnvelopeProblem(req.body);
      if (unreadable !== null) {
        res.status(400);
        res.send({ code: 'invalid-activity', message: `The activity cannot be read: ${unreadable}` });
        res.end();
        return;
      }
      await adapter.process(req, res, (context) => bot.run(context));
    },
  };
}
