/**
 * The tab's search box: `GET /api/search?q=<2–200 characters>&groupId=<id>&kind=<kind>`. Without a
 * group it searches every group the caller is a member of; the use case decides what they may see.
 */
import type { Server } from 'restify';
import { z } from 'zod';
import type { Logger } from '../../../app/ports/logger';
import type { SearchResults } from '../../../app/search';
import { SEARCH_KINDS, SEARCH_LIMITS, type SearchKind } from '../../../domain/search';
import type { Authenticator } from '../authenticator';
import type { SessionIdentity } from '../dev-token';
import { authedRoute } from './authed-route';
import { idParam, plainText } from './tab-api';

export interface SearchApiUseCases {
  search(input: SessionIdentity & { query: string; groupId?: string | null; kinds?: readonly SearchKind[] | null }): Promise<SearchResults>;
}

const searchQuery = z
  .object({
    q: plainText(SEARCH_LIMITS.queryMax).refine(
      (q) => q.trim().length >= SEARCH_LIMITS.queryMin,
      `at least ${SEARCH_LIMITS.queryMin} characters besides spaces`,
    ),
    groupId: idParam.optional(),
    kind: z.enum(SEARCH_KINDS).optional(),
  })
  .strict();

export function registerSearchApi(
  server: Server,
  deps: { authenticator: Authenticator; useCases: SearchApiUseCases; logger: Logger },
): void {
  const authed = authedRoute(deps);

  server.get(
    '/api/search',
    authed(async (req, res, who) => {
      const { q, groupId, kind } = searchQuery.parse(req.query ?? {});
      res.json(await deps.useCases.search({ ...who, query: q, groupId: groupId ?? null, kinds: kind ? [kind] : null }));
    }),
  );
}
