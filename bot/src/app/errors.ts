/**
 * Failures a use case reports to whichever door called it. Each has a stable code; the HTTP
 * adapter maps them to 403/404/409/422 and the bot to a card, so no door has to parse messages.
 */
export type AppErrorCode = 'forbidden' | 'not-found' | 'conflict' | 'invalid';

export class AppError extends Error {
  readonly code: AppErrorCode;

  constructor(code: AppErrorCode, message: string) {
    super(message);
    this.name = 'AppError';
    this.code = code;
  }
}
