/**
 * *Representation* in the tab's API: a year's meetings held × the group's organisations
 * (`?year=YYYY`, default the year of the latest meeting held). Every member of the group may read
 * it (counts per organisation, no names); anyone else gets the one "not a member" answer.
 */
import type { Server } from 'restify';
import { z } from 'zod';
import type { RepresentationOverview } from '../../../app/get-representation';
import type { Logger } from '../../../app/ports/logger';
import type { Authenticator } from '../authenticator';
import type { SessionIdentity } from '../dev-token';
import { authedRoute } from './authed-route';
import { idParam } from './tab-api';

export interface RepresentationApiUseCases {
  getRepresentation(input: SessionIdentity & { groupId: string; year?: number }): Promise<RepresentationOverview>;
}

const representationQuery = z
  .object({
    year: z
      .string()
      .regex(/^\d{4}$/, 'a year like 2026')
      .transform(Number)
      .pipe(z.number().int().min(2000).max(2100))
      .optional(),
  })
  .strict();

export function registerRepresentationApi(
  server: Server,
  deps: { authenticator: Authenticator; useCases: RepresentationApiUseCases; logger: Logger },
): void {
  const authed = authedRoute(deps);

  server.get(
    '/api/groups/:groupId/representation',
    authed(async (req, res, who) => {
      const groupId = idParam.parse(req.params.groupId);
      const { year } = representationQuery.parse(req.query ?? {});
      res.json(await deps.useCases.getRepresentation({ ...who, groupId, ...(year ? { year } : {}) }));
    }),
  );
}
