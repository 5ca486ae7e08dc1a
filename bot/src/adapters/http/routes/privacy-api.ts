/**
 * The person's rights over their data: their own export (a JSON download) and, for strategists,
 * erasing a member on request. What is kept and why: docs/security.md, *Privacy*.
 */
import type { Server } from 'restify';
import { z } from 'zod';
import type { PersonalDataExport } from '../../../app/export-my-data';
import type { Logger } from '../../../app/ports/logger';
import type { ErasureCounts } from '../../../app/ports/personal-data';
import type { Authenticator } from '../authenticator';
import type { SessionIdentity } from '../dev-token';
import { authedRoute } from './authed-route';
import { idParam } from './tab-api';

export interface PrivacyApiUseCases {
  exportMyData(actor: SessionIdentity): Promise<PersonalDataExport>;
  eraseMember(input: { by: SessionIdentity; groupId: string; personId: string }): Promise<{ erased: ErasureCounts }>;
}

const eraseParams = z.object({ groupId: idParam, personId: idParam });
/** The strategist confirms on purpose: a stray POST erases nobody. */
const eraseBody = z.object({ confirm: z.literal(true) }).strict();

export function registerPrivacyApi(
  server: Server,
  deps: { authenticator: Authenticator; useCases: PrivacyApiUseCases; logger: Logger },
): void {
  const authed = authedRoute(deps);

  server.get(
    '/api/me/personal-data',
    authed(async (_req, res, who) => {
      const data = await deps.useCases.exportMyData(who);
      res.header('Content-Disposition', `attachment; filename="arbetsrum-personuppgifter-${data.exportedAt.slice(0, 10)}.json"`);
      res.json(data);
    }),
  );

  server.post(
    '/api/groups/:groupId/members/:personId/erase',
    authed(async (req, res, who) => {
      const { groupId, personId } = eraseParams.parse(req.params);
      eraseBody.parse(req.body ?? {});
      res.json(await deps.useCases.eraseMember({ by: who, groupId, personId }));
    }),
  );
}
