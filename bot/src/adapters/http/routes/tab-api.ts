/**
 * The tab's API. Every route but `/api/session` needs a signed-in caller, and every answer is
 * scoped to the caller's tenant; the use cases decide what the caller may see.
 */
import type { Server } from 'restify';
import { z } from 'zod';
import type { GroupOverview } from '../../../app/get-group-overview';
import type { MyStatus } from '../../../app/get-my-status';
import type { MyGroups } from '../../../app/list-my-groups';
import type { Logger } from '../../../app/ports/logger';
import type { Authenticator } from '../authenticator';
import type { SessionIdentity } from '../dev-token';
import { authedRoute } from './authed-route';

export interface TabApiUseCases {
  listMyGroups(input: SessionIdentity): Promise<MyGroups>;
  getGroupOverview(input: SessionIdentity & { groupId: string; year?: number }): Promise<GroupOverview>;
  getMyStatus(input: SessionIdentity & { groupId: string }): Promise<MyStatus>;
}

export const idParam = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9-]+$/);
/**
 * Text a person wrote, up to `max` UTF-16 units, as PostgreSQL can store it: no NUL (text cannot
 * hold it) and no half of a surrogate pair (jsonb refuses its escape, e.g. in the audit log).
 * No one types either, and the database would fail the request with a 500: refused here instead.
 */
export const isStorableText = (value: string): boolean => !value.includes('\u0000') && value.isWellFormed();
export const plainText = (max: number) => z.string().max(max).refine(isStorableText, 'no NUL characters or broken surrogate pairs');
const groupParams = z.object({ groupId: idParam });
const yearQuery = z.object({
  year: z
    .string()
    .regex(/^\d{4}$/, 'a year like 2026')
    .transform(Number)
    .pipe(z.number().int().min(2000).max(2100))
    .optional(),
});

export function registerTabApi(
  server: Server,
  deps: { mode: 'local' | 'production'; authenticator: Authenticator; useCases: TabApiUseCases; logger: Logger },
): void {
  const authed = authedRoute(deps);

  server.get('/api/session', async (_req, res) => {
    res.header('Cache-Control', 'no-store');
    res.json({ mode: deps.mode, devSignIn: deps.mode === 'local' });
  });

  server.get(
    '/api/me',
    authed(async (_req, res, who) => {
      res.json(await deps.useCases.listMyGroups(who));
    }),
  );

  server.get(
    '/api/groups/:groupId/overview',
    authed(async (req, res, who) => {
      const { groupId } = groupParams.parse(req.params);
      const { year } = yearQuery.parse(req.query ?? {});
      res.json(await deps.useCases.getGroupOverview({ ...who, groupId, ...(year ? { year } : {}) }));
    }),
  );

  server.get(
    '/api/groups/:groupId/my-status',
    authed(async (req, res, who) => {
      const { groupId } = groupParams.parse(req.params);
      res.json(await deps.useCases.getMyStatus({ ...who, groupId }));
    }),
  );
}
