/**
 * The group's change log (the tab's *Ändringslogg*): who changed meetings, agendas, proposals and
 * minutes, newest first, a page at a time (`?limit=1..200&before=<event id>`). Strategists only:
 * the use case refuses everyone else.
 */
import type { Server } from 'restify';
import { z } from 'zod';
import { AUDIT_CURSOR, AUDIT_PAGE, type AuditPage } from '../../../app/list-audit-events';
import type { Logger } from '../../../app/ports/logger';
import type { Authenticator } from '../authenticator';
import type { SessionIdentity } from '../dev-token';
import { authedRoute } from './authed-route';
import { idParam } from './tab-api';

export interface AuditApiUseCases {
  listAuditEvents(input: SessionIdentity & { groupId: string; limit?: number; before?: string | null }): Promise<AuditPage>;
}

const auditQuery = z
  .object({
    limit: z
      .string()
      .regex(/^\d{1,3}$/, `a whole number from 1 to ${AUDIT_PAGE.maxLimit}`)
      .transform(Number)
      .pipe(z.number().int().min(1).max(AUDIT_PAGE.maxLimit))
      .optional(),
    before: z.string().regex(AUDIT_CURSOR, 'an event id from an earlier page').optional(),
  })
  .strict();

export function registerAuditApi(server: Server, deps: { authenticator: Authenticator; useCases: AuditApiUseCases; logger: Logger }): void {
  const authed = authedRoute(deps);

  server.get(
    '/api/groups/:groupId/audit',
    authed(async (req, res, who) => {
      const groupId = idParam.parse(req.params.groupId);
      const { limit, before } = auditQuery.parse(req.query ?? {});
      res.json(await deps.useCases.listAuditEvents({ ...who, groupId, ...(limit ? { limit } : {}), before: before ?? null }));
    }),
  );
}
