/**
 * Minutes in the tab's API: read (every member), autosave, approve, comment, publish and correct.
 * Bodies are checked here for shape and size; the use cases check who may do what and the rest
 * against what is stored. A save from a stale revision answers 409 `stale-revision` with the
 * current minutes, so the writer can see what changed before deciding.
 */
import type { Server } from 'restify';
import { z } from 'zod';
import type { MeetingMinutesSummary } from '../../../app/list-meeting-minutes';
import type { MinutesView } from '../../../app/minutes-view';
import type { Logger } from '../../../app/ports/logger';
import type { SaveMinutesResult } from '../../../app/save-minutes-draft';
import { ACTION_STATUSES, MINUTES_LIMITS, PRESENCES, type MinutesDraft } from '../../../domain/minutes';
import type { Authenticator } from '../authenticator';
import type { SessionIdentity } from '../dev-token';
import { authedRoute } from './authed-route';
import { idParam, plainText } from './tab-api';

export interface MinutesApiUseCases {
  listMeetingMinutes(input: SessionIdentity & { groupId: string }): Promise<{ meetings: MeetingMinutesSummary[] }>;
  getMinutes(input: SessionIdentity & { meetingId: string }): Promise<MinutesView>;
  saveMinutesDraft(input: SessionIdentity & { meetingId: string; revision: number; draft: MinutesDraft }): Promise<SaveMinutesResult>;
  approveMinutes(input: SessionIdentity & { meetingId: string; revision: number }): Promise<MinutesView>;
  commentOnMinutes(input: SessionIdentity & { meetingId: string; agendaItemId: string; text: string }): Promise<MinutesView>;
  publishMinutes(input: SessionIdentity & { meetingId: string; revision: number }): Promise<MinutesView>;
  startMinutesCorrection(input: SessionIdentity & { meetingId: string }): Promise<MinutesView>;
}

const revision = z.number().int().min(0).max(2_147_483_647);
/**
 * Text limits here bound the request; the domain counts characters (code points) exactly. A
 * character outside the Basic Multilingual Plane is two UTF-16 units, hence the factor of two.
 */
const text = (max: number) => plainText(max * 2);

const saveBody = z
  .object({
    revision,
    items: z
      .array(z.object({ agendaItemId: idParam, notes: text(MINUTES_LIMITS.notesMax), decision: text(MINUTES_LIMITS.decisionMax) }).strict())
      .max(MINUTES_LIMITS.itemsMax),
    attendance: z
      .array(z.object({ personId: idParam, presence: z.enum(PRESENCES).nullable(), substituteForPersonId: idParam.nullable() }).strict())
      .max(MINUTES_LIMITS.attendanceMax),
    actions: z
      .array(
        z
          .object({
            // Made by the writer's client (a UUID), so an action keeps its id across autosaves.
            id: idParam,
            agendaItemId: idParam.nullable(),
            title: text(MINUTES_LIMITS.actionTitleMax),
            ownerPersonId: idParam.nullable(),
            dueDate: z
              .string()
              .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date like 2026-03-31')
              .nullable(),
            status: z.enum(ACTION_STATUSES),
          })
          .strict(),
      )
      .max(MINUTES_LIMITS.actionsMax),
  })
  .strict();

const revisionBody = z.object({ revision }).strict();
const commentBody = z.object({ agendaItemId: idParam, text: text(MINUTES_LIMITS.commentMax) }).strict();

export function registerMinutesApi(
  server: Server,
  deps: { authenticator: Authenticator; useCases: MinutesApiUseCases; logger: Logger },
): void {
  const authed = authedRoute(deps);
  const meetingOf = (params: Record<string, unknown>): string => idParam.parse(params.meetingId);

  server.get(
    '/api/groups/:groupId/minutes',
    authed(async (req, res, who) => {
      const groupId = idParam.parse(req.params.groupId);
      res.json(await deps.useCases.listMeetingMinutes({ ...who, groupId }));
    }),
  );

  server.get(
    '/api/meetings/:meetingId/minutes',
    authed(async (req, res, who) => {
      res.json({ minutes: await deps.useCases.getMinutes({ ...who, meetingId: meetingOf(req.params) }) });
    }),
  );

  server.put(
    '/api/meetings/:meetingId/minutes',
    authed(async (req, res, who) => {
      const meetingId = meetingOf(req.params);
      const { revision: from, ...draft } = saveBody.parse(req.body ?? {});
      const result = await deps.useCases.saveMinutesDraft({ ...who, meetingId, revision: from, draft });
      if (result.kind === 'stale') {
        res.status(409);
        res.json({
          code: 'stale-revision',
          message: 'Someone else saved these minutes after you opened them; nothing of yours was saved. The current minutes are attached.',
          current: result.current,
        });
        return;
      }
      res.json({ minutes: result.minutes });
    }),
  );

  server.post(
    '/api/meetings/:meetingId/minutes/approve',
    authed(async (req, res, who) => {
      const meetingId = meetingOf(req.params);
      const body = revisionBody.parse(req.body ?? {});
      res.json({ minutes: await deps.useCases.approveMinutes({ ...who, meetingId, ...body }) });
    }),
  );

  server.post(
    '/api/meetings/:meetingId/minutes/comments',
    authed(async (req, res, who) => {
      const meetingId = meetingOf(req.params);
      const body = commentBody.parse(req.body ?? {});
      res.json({ minutes: await deps.useCases.commentOnMinutes({ ...who, meetingId, ...body }) });
    }),
  );

  server.post(
    '/api/meetings/:meetingId/minutes/publish',
    authed(async (req, res, who) => {
      const meetingId = meetingOf(req.params);
      const body = revisionBody.parse(req.body ?? {});
      res.json({ minutes: await deps.useCases.publishMinutes({ ...who, meetingId, ...body }) });
    }),
  );

  server.post(
    '/api/meetings/:meetingId/minutes/correction',
    authed(async (req, res, who) => {
      const meetingId = meetingOf(req.params);
      z.object({})
        .strict()
        .parse(req.body ?? {});
      res.json({ minutes: await deps.useCases.startMinutesCorrection({ ...who, meetingId }) });
    }),
  );
}
