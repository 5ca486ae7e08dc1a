/**
 * Local mode only: pick a seeded person and act as them in a plain browser. main.ts registers
 * these routes only when there is no bot registration, so production has no such door.
 */
import type { Server } from 'restify';
import { z } from 'zod';
import type { SignInPerson } from '../../../app/list-sign-in-people';
import type { Logger } from '../../../app/ports/logger';
import type { DevTokens } from '../dev-token';
import { HttpError, sendError } from '../http-errors';

const signInBody = z.object({ personId: z.string().min(1).max(64) }).strict();

export function registerDevSignIn(
  server: Server,
  deps: { tenantId: string; tokens: DevTokens; listPeople: () => Promise<SignInPerson[]>; logger: Logger },
): void {
  server.get('/api/dev/people', async (_req, res) => {
    res.header('Cache-Control', 'no-store');
    try {
      res.json({ people: await deps.listPeople() });
    } catch (error) {
      sendError(res, error, deps.logger);
    }
  });

  server.post('/api/dev/sign-in', async (req, res) => {
    res.header('Cache-Control', 'no-store');
    try {
      const { personId } = signInBody.parse(req.body ?? {});
      const known = (await deps.listPeople()).some((p) => p.id === personId);
      if (!known) throw new HttpError(404, 'unknown-person', 'No such person in the demo group.');
      res.json({ token: deps.tokens.issue({ tenantId: deps.tenantId, personId }) });
    } catch (error) {
      sendError(res, error, deps.logger);
    }
  });
}
