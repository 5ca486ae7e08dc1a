/**
 * Wraps an API handler: no caching, a signed-in caller or 401, and every error in the API's
 * `{ code, message }` shape.
 */
import type { Request, Response } from 'restify';
import type { Logger } from '../../../app/ports/logger';
import type { Authenticator } from '../authenticator';
import type { SessionIdentity } from '../dev-token';
import { HttpError, sendError } from '../http-errors';

export type AuthedHandler = (req: Request, res: Response, who: SessionIdentity) => Promise<void>;

export function authedRoute(deps: { authenticator: Authenticator; logger: Logger }) {
  return (handler: AuthedHandler) =>
    async (req: Request, res: Response): Promise<void> => {
      res.header('Cache-Control', 'no-store');
      try {
        const who = await deps.authenticator.authenticate(req);
        if (!who) throw new HttpError(401, 'unauthenticated', 'Sign in again: the session is missing or has expired.');
        await handler(req, res, who);
      } catch (error) {
        sendError(res, error, deps.logger);
      }
    };
}
