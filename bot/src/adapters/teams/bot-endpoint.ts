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
import { CachedCredentialsFactory } from './cached-credentials';
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
  return new ConfigurationBotFrameworkAuthentication(
    {
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
    } satisfies ConfigurationBotFrameworkAuthenticationOptions,
    CachedCredentialsFactory.fromSettings(settings),
  );
}

/**
 * Bot Framework's rules for a channel's token, checked before the adapter runs. botbuilder checks
 * the signature against the OpenID metadata's keys (RS256/384/512 only), the issuer, the audience
 * (the app id), the lifetime (5 minutes' skew) and the key's endorsements for the channel id, but
 * it answers 500, not 401, to some bad tokens (a bad signature, `alg` none or HS256, not yet
 * valid, no channelId), it skips the serviceUrl claim when the activity has no serviceUrl (and runs
 * the turn), and the endorsements when its channelId is empty. Returns why the activity is refused,
 * or botbuilder's result of the check, which the adapter then runs the turn with (runChecked).
 */
async function checkChannelToken(
  auth: ConfigurationBotFrameworkAuthentication,
  req: Request,
): Promise<{ refusal: string } | { checked: AuthenticateRequestResult }> {
  const activity = req.body as Partial<Activity> | undefined;
  const header = req.headers.authorization ?? req.headers.Authorization;
  if (typeof header !== 'string' || header.trim() === '') return { refusal: 'no Authorization header' };
  // The bot answers to the serviceUrl: the token must vouch for it.
  if (typeof activity?.serviceUrl !== 'string' || activity.serviceUrl === '') return { refusal: 'the activity has no serviceUrl' };
  if (typeof activity.channelId !== 'string' || activity.channelId === '') return { refusal: 'the activity has no channelId' };
  try {
    const checked = await auth.authenticateRequest(activity as Activity, header);
    // botbuilder compares them too; checked here as well, so no SDK change can drop it unseen.
    if (checked.claimsIdentity.getClaimValue('serviceurl') !== activity.serviceUrl) {
      return { refusal: "the token's serviceurl claim is not the activity's" };
    }
    return { checked };
  } catch (error) {
    return { refusal: (error instanceof Error ? error.message : String(error)).slice(0, 200) };
  }
}

type AuthenticateRequestResult = Awaited<ReturnType<ConfigurationBotFrameworkAuthentication['authenticateRequest']>>;

/**
 * A CloudAdapter that can run a turn whose token was already checked (checkChannelToken): its own
 * `process` would check the same token a second time, signature and all, on every activity.
 */
export class CheckedCloudAdapter extends CloudAdapter {
  /** The turn with botbuilder's result of the check; answers as `process` does (an invoke's status and body, else 200). */
  async runChecked(checked: AuthenticateRequestResult, req: Request, res: Response, logic: (context: TurnContext) => Promise<void>) {
    const activity = withDates(req.body as unknown as Activity);
    const invokeResponse = await this.processActivity(checked, activity, logic);
    res.status(invokeResponse?.status ?? 200);
    if (invokeResponse?.body) res.send(invokeResponse.body);
    res.end();
  }
}

/** The activity's times as Dates, as botbuilder's `process` hands them to the turn. */
function withDates(activity: Activity): Activity {
  const raw = activity as Activity & Record<string, unknown>;
  for (const [field, rawField] of [
    ['timestamp', 'rawTimestamp'],
    ['expiration', 'rawExpiration'],
    ['localTimestamp', 'rawLocalTimestamp'],
  ] as const) {
    const value = raw[field];
    if (typeof value === 'string') {
      raw[rawField] = value;
      raw[field] = new Date(value);
    }
  }
  return activity;
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
export function createCloudAdapter(settings: BotAuthSettings, logger: Logger, language: 'auto' | Locale = 'auto'): CheckedCloudAdapter {
  const adapter = new CheckedCloudAdapter(botFrameworkAuthentication(settings));
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
  adapter: CheckedCloudAdapter = createCloudAdapter(settings, logger, language),
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
      const token = channelAuth ? await checkChannelToken(channelAuth, req) : null;
      if (token && 'refusal' in token) {
        // The reason, never the token.
        logger.warn({ reason: token.refusal }, 'bot activity refused: its Bot Framework token did not check out');
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
      // Checked once (above) when auth is on; in local mode botbuilder's own path, which checks nothing.
      if (!token) {
        await adapter.process(req, res, (context) => bot.run(context));
        return;
      }
      try {
        await adapter.runChecked(token.checked, req, res, (context) => bot.run(context));
      } catch (error) {
        // A failure inside the turn is answered by onTurnError; this is one around it. No detail goes out.
        logger.error({ err: error instanceof Error ? { name: error.name, message: error.message } : String(error) }, 'bot activity failed');
        if (!(res as Response & { headersSent?: boolean }).headersSent) {
          res.status(500);
          res.send({ code: 'activity-failed', message: 'The activity could not be handled.' });
          res.end();
        }
      }
    },
  };
}
