/**
 * The Bot Framework side of `POST /api/messages`: a CloudAdapter authenticated with the
 * conventional MicrosoftApp* settings. An empty app id turns authentication off, which
 * config.ts allows only in local mode.
 */
import {
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  type ConfigurationBotFrameworkAuthenticationOptions,
  type Request,
  type Response,
  type TurnContext,
} from 'botbuilder';
import type { Logger } from '../../app/ports/logger';
import { pickLocale, type Locale } from '../../app/i18n/locale';
import { botMessages } from '../../app/i18n/messages';
import { ArbetsrumBot, type BotUseCases } from './arbetsrum-bot';

export interface BotAuthSettings {
  appId: string;
  appPassword: string;
  appType: string;
  appTenantId: string;
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
  const auth = new ConfigurationBotFrameworkAuthentication({
    MicrosoftAppId: settings.appId,
    MicrosoftAppPassword: settings.appPassword,
    MicrosoftAppType: settings.appType,
    MicrosoftAppTenantId: settings.appTenantId,
  } satisfies ConfigurationBotFrameworkAuthenticationOptions);
  const adapter = new CloudAdapter(auth);
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
      await adapter.process(req, res, (context) => bot.run(context));
    },
  };
}
