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

export function createBotEndpoint(settings: BotAuthSettings, useCases: BotUseCases, logger: Logger, language: 'auto' | Locale = 'auto') {
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
  const bot = new ArbetsrumBot(useCases, logger, language);
  return {
    adapter,
    bot,
    handle: (req: Request, res: Response): Promise<void> => adapter.process(req, res, (context) => bot.run(context)),
  };
}
