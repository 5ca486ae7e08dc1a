/**
 * Messages to the whole group from the tab: the strategists send the call for proposals and the
 * kallelse (again: only those not yet reached are tried), see the answers to the kallelse, see
 * who was not reached, and why, and see the timed work (and try a failed run again).
 */
import type { Server } from 'restify';
import type { FanOutReport } from '../../../app/fan-out';
import type { AttendanceOverview } from '../../../app/list-attendance';
import type { NotReached } from '../../../app/list-not-reached';
import type { TimedWorkView } from '../../../app/list-timed-work';
import { z } from 'zod';
import type { Logger } from '../../../app/ports/logger';
import type { Authenticator } from '../authenticator';
import type { SessionIdentity } from '../dev-token';
import { authedRoute } from './authed-route';
import { idParam } from './tab-api';

export interface DeliveryApiUseCases {
  sendCallForProposals(input: { by: SessionIdentity; tenantId: string; meetingId: string }): Promise<FanOutReport>;
  sendKallelse(input: { by: SessionIdentity; tenantId: string; meetingId: string }): Promise<FanOutReport>;
  listAttendance(input: SessionIdentity & { meetingId: string }): Promise<AttendanceOverview>;
  listNotReached(input: SessionIdentity & { groupId: string }): Promise<NotReached[]>;
  listTimedWork(input: SessionIdentity & { groupId: string }): Promise<TimedWorkView[]>;
  retryTimedWork(input: { by: SessionIdentity; groupId: string; tenantId: string; key: string }): Promise<void>;
}

/** A run's key: `<kind>:<subject>:<day>`, ids and dates only. */
const retryBody = z
  .object({
    key: z
      .string()
      .trim()
      .min(1)
      .max(300)
      .regex(/^[A-Za-z0-9:-]+$/, 'a key like kallelse:<meeting id>:2026-03-04'),
  })
  .strict();
/** Sending takes no body; anything sent is refused rather than ignored. */
const noBody = z.object({}).strict();

export function registerDeliveryApi(
  server: Server,
  deps: { authenticator: Authenticator; useCases: DeliveryApiUseCases; logger: Logger },
): void {
  const authed = authedRoute(deps);

  server.post(
    '/api/meetings/:meetingId/call-for-proposals',
    authed(async (req, res, who) => {
      const meetingId = idParam.parse(req.params.meetingId);
      noBody.parse(req.body ?? {});
      res.json({ report: await deps.useCases.sendCallForProposals({ by: who, tenantId: who.tenantId, meetingId }) });
    }),
  );

  server.post(
    '/api/meetings/:meetingId/kallelse',
    authed(async (req, res, who) => {
      const meetingId = idParam.parse(req.params.meetingId);
      noBody.parse(req.body ?? {});
      res.json({ report: await deps.useCases.sendKallelse({ by: who, tenantId: who.tenantId, meetingId }) });
    }),
  );

  server.get(
    '/api/meetings/:meetingId/attendance',
    authed(async (req, res, who) => {
      const meetingId = idParam.parse(req.params.meetingId);
      res.json(await deps.useCases.listAttendance({ ...who, meetingId }));
    }),
  );

  // The group's timed work: what is planned, what ran (counts) and what failed; a failed run can be tried again.
  server.get(
    '/api/groups/:groupId/timed-work',
    authed(async (req, res, who) => {
      const groupId = idParam.parse(req.params.groupId);
      res.json({ runs: await deps.useCases.listTimedWork({ ...who, groupId }) });
    }),
  );

  server.post(
    '/api/groups/:groupId/timed-work/retry',
    authed(async (req, res, who) => {
      const groupId = idParam.parse(req.params.groupId);
      const { key } = retryBody.parse(req.body ?? {});
      await deps.useCases.retryTimedWork({ by: who, groupId, tenantId: who.tenantId, key });
      res.send(204);
    }),
  );

  server.get(
    '/api/groups/:groupId/not-reached',
    authed(async (req, res, who) => {
      const groupId = idParam.parse(req.params.groupId);
      res.json({ notReached: await deps.useCases.listNotReached({ ...who, groupId }) });
    }),
  );
}
