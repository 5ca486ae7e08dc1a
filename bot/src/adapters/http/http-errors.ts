/**
 * One shape for every error the API returns — `{ code, message }` — so the tab can tell the user
 * what happened and what to do. Unexpected errors are logged and answered without detail.
 */
import type { Response } from 'restify';
import { ZodError } from 'zod';
import { AppError } from '../../app/errors';
import { DomainError } from '../../domain/errors';
import type { Logger } from '../../app/ports/logger';

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

const appStatus: Record<AppError['code'], number> = { forbidden: 403, 'not-found': 404, conflict: 409, invalid: 422 };

export function sendError(res: Response, error: unknown, logger: Logger): void {
  if (error instanceof HttpError) return sendJsonError(res, error.status, error.code, error.message);
  if (error instanceof AppError) return sendJsonError(res, appStatus[error.code], error.code, error.message);
  if (error instanceof DomainError) return sendJsonError(res, 422, error.code, error.message);
  if (error instanceof ZodError) {
    const detail = error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; ');
    return sendJsonError(res, 400, 'invalid-input', detail);
  }
  logger.error(
    { err: error instanceof Error ? { name: error.name, message: error.message, stack: error.stack } : String(error) },
    'unhandled error in HTTP route',
  );
  sendJsonError(res, 500, 'internal', 'Something went wrong on our side. Try again; if it persists, tell the group strategist.');
}

function sendJsonError(res: Response, status: number, code: string, message: string): void {
  if (res.headersSent) return;
  res.status(status);
  res.json({ code, message });
}
