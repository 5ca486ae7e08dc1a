/**
 * The *Mötesplan* in the tab's API: a year's meetings (every member), planning a year from a
 * pattern, changing, cancelling and re-chairing a meeting (strategists), and the incoming chair's
 * handover (every member). Bodies are checked here for shape and size; the use cases check who
 * may do what and the rules (https links, Stockholm times that exist, meetings still to come).
 */
import type { Server } from 'restify';
import { z } from 'zod';
import type { CancelMeetingResult } from '../../../app/cancel-meeting';
import type { MeetingView } from '../../../app/describe-meeting';
import type { MeetingChangeResult, MeetingChanges } from '../../../app/edit-meeting';
import type { ChairHandover } from '../../../app/get-chair-handover';
import type { MeetingPlan } from '../../../app/get-meeting-plan';
import type { PlanMeetingsInput, PlanMeetingsResult } from '../../../app/plan-meetings';
import type { Logger } from '../../../app/ports/logger';
import { isHttpsUrl, MEETING_LIMITS } from '../../../domain/meeting-plan';
import type { Authenticator } from '../authenticator';
import type { SessionIdentity } from '../dev-token';
import { authedRoute } from './authed-route';
import { idParam, plainText } from './tab-api';

export interface PlanApiUseCases {
  getMeetingPlan(input: SessionIdentity & { groupId: string; year?: number }): Promise<MeetingPlan>;
  planMeetings(input: PlanMeetingsInput): Promise<PlanMeetingsResult>;
  editMeeting(input: SessionIdentity & { meetingId: string } & MeetingChanges): Promise<MeetingChangeResult>;
  cancelMeeting(input: SessionIdentity & { meetingId: string }): Promise<CancelMeetingResult>;
  changeMeetingChair(input: SessionIdentity & { meetingId: string; chairPersonId?: string }): Promise<{ meeting: MeetingView }>;
  getChairHandover(input: SessionIdentity & { meetingId: string }): Promise<ChairHandover>;
}

const year = z.number().int().min(2000).max(2100);
const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time like 13:00');
const date = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date like 2027-02-10')
  // The same years a plan may cover.
  .refine((text) => year.safeParse(Number(text.slice(0, 4))).success, 'a year from 2000 to 2100');
const duration = z.number().int().min(MEETING_LIMITS.durationMin).max(MEETING_LIMITS.durationMax);
const place = plainText(MEETING_LIMITS.placeMax);
// Empty means "no link".
const onlineUrl = plainText(MEETING_LIMITS.onlineUrlMax)
  .refine((url) => url.trim() === '' || isHttpsUrl(url.trim()), 'an https:// link is needed')
  .nullable();

const yearQuery = z
  .object({
    year: z
      .string()
      .regex(/^\d{4}$/, 'a year like 2027')
      .transform(Number)
      .pipe(year)
      .optional(),
  })
  .strict();

const planBody = z
  .object({
    year,
    count: z.number().int().min(1).max(MEETING_LIMITS.countMax),
    weekday: z.number().int().min(1).max(7),
    occurrence: z.number().int().min(1).max(5),
    startTime: time,
    months: z.array(z.number().int().min(1).max(12)).min(1).max(12).optional(),
    durationMinutes: duration,
    place,
    onlineUrl,
    titlePrefix: plainText(MEETING_LIMITS.titlePrefixMax).optional(),
    addToExisting: z.boolean().default(false),
    preview: z.boolean().default(false),
  })
  .strict();

const editBody = z
  .object({
    date: date.optional(),
    time: time.optional(),
    durationMinutes: duration.optional(),
    place: place.optional(),
    onlineUrl: onlineUrl.optional(),
    title: plainText(MEETING_LIMITS.titleMax).optional(),
  })
  .strict()
  .refine((body) => Object.keys(body).length > 0, { message: 'nothing to change' });

const chairBody = z.object({ chairPersonId: idParam.optional() }).strict();
const emptyBody = z.object({}).strict();

export function registerPlanApi(server: Server, deps: { authenticator: Authenticator; useCases: PlanApiUseCases; logger: Logger }): void {
  const authed = authedRoute(deps);

  server.get(
    '/api/groups/:groupId/meetings',
    authed(async (req, res, who) => {
      const groupId = idParam.parse(req.params.groupId);
      const query = yearQuery.parse(req.query ?? {});
      res.json(await deps.useCases.getMeetingPlan({ ...who, groupId, ...(query.year ? { year: query.year } : {}) }));
    }),
  );

  server.post(
    '/api/groups/:groupId/meetings/plan',
    authed(async (req, res, who) => {
      const groupId = idParam.parse(req.params.groupId);
      const body = planBody.parse(req.body ?? {});
      const result = await deps.useCases.planMeetings({ ...who, groupId, ...body });
      if (result.stored && result.meetings.length > 0) res.status(201);
      res.json(result);
    }),
  );

  server.patch(
    '/api/meetings/:meetingId',
    authed(async (req, res, who) => {
      const meetingId = idParam.parse(req.params.meetingId);
      const body = editBody.parse(req.body ?? {});
      res.json(await deps.useCases.editMeeting({ ...who, meetingId, ...body }));
    }),
  );

  server.post(
    '/api/meetings/:meetingId/cancel',
    authed(async (req, res, who) => {
      const meetingId = idParam.parse(req.params.meetingId);
      emptyBody.parse(req.body ?? {});
      res.json(await deps.useCases.cancelMeeting({ ...who, meetingId }));
    }),
  );

  server.post(
    '/api/meetings/:meetingId/chair',
    authed(async (req, res, who) => {
      const meetingId = idParam.parse(req.params.meetingId);
      const body = chairBody.parse(req.body ?? {});
      res.json(await deps.useCases.changeMeetingChair({ ...who, meetingId, ...body }));
    }),
  );

  server.get(
    '/api/meetings/:meetingId/handover',
    authed(async (req, res, who) => {
      const meetingId = idParam.parse(req.params.meetingId);
      res.json(await deps.useCases.getChairHandover({ ...who, meetingId }));
    }),
  );
}
