import type { Logger } from '../../bot/src/app/ports/logger';

/** A logger that says nothing, for tests that start the service or the bot. */
export const silentLogger: Logger = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };
