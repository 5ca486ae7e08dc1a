/** The group's members, organisations and representation warnings (the tab's *Medlemmar*). */
import type { Server } from 'restify';
import type { MembersOverview } from '../../../app/list-members';
import type { Logger } from '../../../app/ports/logger';
import type { Authenticator } from '../authenticator';
import type { SessionIdentity } from '../dev-token';
import { authedRoute } from './authed-route';
import { idParam } from './tab-api';

export interface MembersApiUseCases {
  listMembers(input: SessionIdentity & { groupId: string }): Promise<MembersOverview>;
}

export function registerMembersApi(
  server: Server,
  deps: { authenticator: Authenticator; useCases: MembersApiUseCases; logger: Logger },
): void {
  const authed = authedRoute(deps);

  server.get(
    '/api/groups/:groupId/members',
    authed(async (req, res, who) => {
      const groupId = idParam.parse(req.params.groupId);
      res.json(await deps.useCases.listMembers({ ...who, groupId }));
    }),
  );
}
