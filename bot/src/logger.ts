/**
 * The process's logger: JSON lines on stdout (App Service and Application Insights read them).
 * Known secret-bearing fields are censored wherever they appear, as a second line of defence.
 */
import pino from 'pino';
import type { Logger } from './app/ports/logger';

export function createLogger(level: string): Logger & { flush(): void } {
  const log = pino({
    level,
    base: { service: 'arbetsrum' },
    redact: {
      paths: [
        ...['password', 'appPassword', 'MicrosoftAppPassword', 'authorization', 'token', 'secret'].flatMap((key) => [
          key,
          `*.${key}`,
          `*.*.${key}`,
        ]),
        'headers.authorization',
      ],
      censor: '***',
    },
  });
  return {
    debug: (fields, message) => log.debug(fields, message),
    info: (fields, message) => log.info(fields, message),
    warn: (fields, message) => log.warn(fields, message),
    error: (fields, message) => log.error(fields, message),
    flush: () => log.flush(),
  };
}
