/**
 * The baseline of issue 9's bot-turn case, run as its own process (`node --import tsx` of this
 * file, as the service is run): a bare botbuilder echo bot behind exactly what the service puts in
 * front of its bot — the same CloudAdapter from createCloudAdapter with the same Bot Framework
 * authentication (read by the same readConfig from the same environment), and the same restify
 * server from createHttpServer (headers, body parser, routes). Only the bot differs: a card action
 * is answered with a one-line card echoing its title, a message with its text; no database, no
 * second token check, no use case. That is the floor a botbuilder bot on this server can reach.
 */
import { tmpdir } from 'node:os';
import { ActivityHandler, type AdaptiveCardInvokeResponse, type AdaptiveCardInvokeValue, type TurnContext } from 'botbuilder';
import { refuseAllAuthenticator } from '../../bot/src/adapters/http/authenticator';
import { createHttpServer, listen, type HttpServerDeps } from '../../bot/src/adapters/http/server';
import { createCloudAdapter } from '../../bot/src/adapters/teams/bot-endpoint';
import { readConfig } from '../../bot/src/config';
import { createLogger } from '../../bot/src/logger';

class EchoBot extends ActivityHandler {
  constructor() {
    super();
    this.onMessage(async (context, next) => {
      await context.sendActivity(`Echo: ${context.activity.text ?? ''}`);
      await next();
    });
  }

  protected override async onAdaptiveCardInvoke(
    _context: TurnContext,
    invoke: AdaptiveCardInvokeValue,
  ): Promise<AdaptiveCardInvokeResponse> {
    const title = (invoke.action.data as { title?: unknown } | undefined)?.title;
    return {
      statusCode: 200,
      type: 'application/vnd.microsoft.card.adaptive',
      value: {
        type: 'AdaptiveCard',
        version: '1.5',
        body: [{ type: 'TextBlock', text: `Echo: ${typeof title === 'string' ? title : ''}`, wrap: true }],
      },
    };
  }
}

async function main(): Promise<void> {
  const config = readConfig(process.env);
  const logger = createLogger(config.logLevel);
  const adapter = createCloudAdapter(config.bot, logger, config.botLocale);
  const bot = new EchoBot();
  const server = createHttpServer({
    mode: config.mode,
    logger,
    handleBotRequest: (req, res) => adapter.process(req, res, (context) => bot.run(context)),
    health: async () => ({ database: 'up' }),
    // No tab is served and no API route is called: registered only so the server is the same one.
    tabDir: tmpdir(),
    authenticator: refuseAllAuthenticator,
    tabApi: {} as HttpServerDeps['tabApi'],
  });
  await listen(server, config.port, config.host);
  logger.info({ port: config.port }, 'echo bot listening');
  process.on('SIGTERM', () => server.close(() => process.exit(0)));
}

main().catch((error: unknown) => {
  process.stderr.write(`echo bot could not start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
