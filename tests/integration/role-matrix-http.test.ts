/**
 * The role matrix: every route the running service answers × five callers — a strategist of the
 * demo group, a delegate of it, a strategist of another group of the same tenant, a user of
 * another tenant, and no one — in production mode over real HTTP, signed in with Entra tokens
 * from a local OpenID issuer. The routes are read from the server's own router: a route without
 * an entry below fails the test, so a new route cannot ship without saying who may use it.
 *
 * Refusals first, with bodies that would succeed for the strategist (refused for who, not for
 * what): then the service stops, and the database must be as before them, row for row, and no
 * mail sent. The service starts again on the same database for the allowed calls, in an order
 * that keeps each valid (minutes saved, approved, published, corrected). A caller of another
 * group must learn nothing: the refusal names none of the group's people or texts, and is the
 * very answer a made-up id gets, so ids cannot be probed either.
 *
 * Graph is the local stand-in behind a loopback managed identity, so the strategist's sends
 * (kallelse, call for proposals) mail for real; no Teams conversation exists, so nothing needs
 * the Bot Connector. On PGlite, and on PostgreSQL too when TEST_DATABASE_URL is set.
 */
import { pgliteServiceTarget, postgresServiceTarget, type ServiceDatabaseTarget } from '../support/service-database-targets';
import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { startGraphStandIn, type GraphStandIn } from '../../bot/src/adapters/graph/graph-stand-in';
import { migrate } from '../../bot/src/adapters/storage/migrate';
import { readGroupSeed } from '../../bot/src/adapters/storage/seed-file';
import type { SqlDatabase } from '../../bot/src/adapters/storage/sql-database';
import { createSqlStorage } from '../../bot/src/adapters/storage/sql-storage';
import { getMeetingAgenda } from '../../bot/src/app/get-meeting-agenda';
import { getMinutes } from '../../bot/src/app/get-minutes';
import { saveMinutesDraft } from '../../bot/src/app/save-minutes-draft';
import { seedDemoGroup } from '../../bot/src/app/seed-demo-group';
import { submitProposal } from '../../bot/src/app/submit-proposal';
import { saveCompetenceActivity } from '../../bot/src/app/save-competence-activity';
import { suggestCompetenceActivity } from '../../bot/src/app/suggest-competence-activity';
import { addTip } from '../../bot/src/app/add-tip';
import { startSubGroup } from '../../bot/src/app/start-sub-group';
import type { SubGroupList } from '../../bot/src/app/list-sub-groups';
import type { MeetingAgendaView } from '../../bot/src/app/meeting-agenda-view';
import type { MinutesView } from '../../bot/src/app/minutes-view';
import { readConfig, type Config } from '../../bot/src/config';
import type { Meeting } from '../../bot/src/domain/meeting';
import { plannedRunsForMeeting, timedWorkSettings } from '../../bot/src/domain/timed-work';
import { startService, type RunningService } from '../../bot/src/main';
import { DEMO_SEED_FILE } from '../support/demo-group';
import { entraClaims, entraIssuerV2 } from '../support/entra-claims';
import { aGroupSeed, sequentialIds } from '../support/group-seed-mother';
import { startLocalManagedIdentity, type LocalManagedIdentity } from '../support/local-managed-identity';
import { startLocalOpenIdIssuer, type LocalOpenIdIssuer } from '../support/local-openid-issuer';
import { silentLogger as silent } from '../support/silent-logger';
import { newDataDir } from '../support/data-dir';

const APP_ID = '11111111-1111-4111-8111-111111111111';
const OTHER_TENANT = '99999999-9999-4999-8999-999999999999';
const ANNA = '00000000-0000-4000-8000-000000000001'; // strategist of the demo group
const SARA = '00000000-0000-4000-8000-000000000003'; // delegate of the demo group
const LENA = 'bbbbbbbb-0000-4000-8000-000000000001'; // strategist of another group, same tenant
const TOVA = 'cccccccc-0000-4000-8000-000000000001'; // strategist in another tenant
const clock = { now: () => new Date('2026-03-01T10:00:00Z') };
/** Stands in for any id of the demo group: the refusal must not tell the two apart. */
const MADE_UP_ID = '0badc0de-0000-4000-8000-000000000000';

/** Words only the demo group's members may read: none may appear in an answer to anyone else. */
const PROPOSAL_TITLE = 'Laddinfrastruktur vid Överby handelsområde';
const MINUTES_NOTES = 'Kartläggningen av solceller på skolornas tak redovisades';
const ACTION_TITLE = 'Inventera solcellspotentialen på Sylteskolan';
const GROUP_A_WORDS = [
  'Ekologiska hållbarhetsgruppen',
  'Anna Lindqvist',
  'Erik Johansson',
  'Sara Nilsson',
  'Per Andersson',
  'anna.lindqvist@',
  'sara.nilsson@',
  PROPOSAL_TITLE,
  MINUTES_NOTES,
  ACTION_TITLE,
];
/** And the other tenant's. */
const TENANT_C_WORDS = ['Miljögruppen Vänersborg', 'Tova Sund', 'tova.sund@'];

type Caller = 'strategist' | 'delegate' | 'otherGroup' | 'otherTenant' | 'anonymous';
const CALLERS: readonly Caller[] = ['strategist', 'delegate', 'otherGroup', 'otherTenant', 'anonymous'];
type Expected = Record<Caller, number>;

const SIGNED_OUT = { otherTenant: 401, anonymous: 401 } as const;
/** Every member of the group; nobody else. */
const members = (ok = 200): Expected => ({ strategist: ok, delegate: ok, otherGroup: 403, ...SIGNED_OUT });
/** The group's strategists only: a delegate is refused too. */
const strategists = (ok = 200): Expected => ({ strategist: ok, delegate: 403, otherGroup: 403, ...SIGNED_OUT });
/** Anyone signed in, about themselves only. */
const signedIn = (ok = 200): Expected => ({ strategist: ok, delegate: ok, otherGroup: ok, ...SIGNED_OUT });
/** The same answer for everyone: public by design. */
const everyone = (status: number): Expected => ({
  strategist: status,
  delegate: status,
  otherGroup: status,
  otherTenant: status,
  anonymous: status,
});

interface Call {
  path: string;
  body?: unknown;
}

/** What the matrix names: the demo group's things (A), the other group's (B), the other tenant's group (C). */
interface Ids {
  groupA: string;
  groupB: string;
  groupC: string;
  /** February's meeting (held): its minutes are drafted. */
  feb: Meeting;
  /** The next meeting (11 March): proposals, agenda, kallelse. */
  next: Meeting;
  may: Meeting;
  oct: Meeting;
  nov: Meeting;
  proposal: string;
  failedRunKey: string;
  /** A delegate of the demo group only, whom the strategist may erase. */
  per: string;
  /** The other group's held meeting. */
  febB: Meeting;
  actionA: string;
  /** Kompetensutveckling: a member's suggestion, and an activity in the ledger. */
  competence: { suggestion: string; activity: string };
  /** Tips of the demo group: one for each caller allowed to make a proposal of one, one to dismiss. */
  tips: { strategist: string; delegate: string; dismiss: string };
  /** A sub-group of the demo group, started from the next meeting's agenda. */
  subGroupA: string;
}

interface Reader {
  /** GET as `as`, 200 or a thrown error. */
  get<T>(as: Caller, route: string): Promise<T>;
}

interface Entry {
  /** As restify's router names it: METHOD and the path pattern. */
  route: string;
  expected: Expected;
  /** Why a route is open to all, or anything else a reader should know. */
  note?: string;
  /**
   * The concrete request for a caller. Writes carry a body that succeeds for the strategist, so a
   * refusal is for who asks, not for what; bodies that name a revision read it first — refused
   * callers through the delegate, who may read without changing anything.
   */
  request(ids: Ids, as: Caller, reader: Reader): Call | Promise<Call>;
}

/** The reader whose view a body is built from: the strategist for their own write, otherwise the delegate. */
const readerFor = (as: Caller): Caller => (as === 'strategist' ? 'strategist' : 'delegate');

async function agendaBody(ids: Ids, as: Caller, reader: Reader): Promise<Call> {
  const agenda = await reader.get<MeetingAgendaView>(readerFor(as), `/api/meetings/${ids.next.id}/agenda`);
  return {
    path: `/api/meetings/${ids.next.id}/agenda`,
    body: {
      expectedRevision: agenda.revision,
      items: agenda.items.map((item) => ({
        id: item.id,
        title: item.title,
        durationMinutes: item.durationMinutes,
        presenterPersonId: item.presenter?.id ?? null,
        proposalId: item.proposalId,
        standing: item.standing,
      })),
    },
  };
}

const goalsOf = async (ids: Ids, as: Caller, reader: Reader): Promise<{ id: string; own: boolean }[]> =>
  (
    await reader.get<{ frameworks: { goals: { id: string; own: boolean }[] }[] }>(readerFor(as), `/api/groups/${ids.groupA}/goals`)
  ).frameworks.flatMap((f) => f.goals);

const minutesOf = async (ids: Ids, as: Caller, reader: Reader): Promise<MinutesView> =>
  (await reader.get<{ minutes: MinutesView }>(readerFor(as), `/api/meetings/${ids.feb.id}/minutes`)).minutes;

async function minutesBody(ids: Ids, as: Caller, reader: Reader): Promise<Call> {
  const minutes = await minutesOf(ids, as, reader);
  const actions = [...minutes.items.flatMap((item) => item.actions), ...minutes.otherActions];
  return {
    path: `/api/meetings/${ids.feb.id}/minutes`,
    body: {
      revision: minutes.revision,
      items: minutes.items.map((item, i) => ({
        agendaItemId: item.agendaItemId,
        notes: i === 0 ? `${item.notes} Nästa steg bestäms i april.` : item.notes,
        decision: item.decision,
      })),
      attendance: [],
      actions: actions.map((a) => ({
        id: a.id,
        agendaItemId: a.agendaItemId,
        title: a.title,
        ownerPersonId: a.owner?.id ?? null,
        dueDate: a.dueDate,
        status: a.status,
      })),
    },
  };
}

/**
 * Every route, in the order the allowed calls run: each keeps the next valid (the minutes are
 * saved, then commented and approved, then published, then corrected; the member is erased last).
 */
const MATRIX: readonly Entry[] = [
  {
    route: 'GET /api/session',
    expected: everyone(200),
    note: 'public by design: says which sign-in the tab uses',
    request: () => ({ path: '/api/session' }),
  },
  { route: 'GET /healthz', expected: everyone(200), note: "public by design: App Service's probe", request: () => ({ path: '/healthz' }) },
  { route: 'GET /api/me', expected: signedIn(), note: 'the caller and their own groups', request: () => ({ path: '/api/me' }) },
  {
    route: 'GET /api/me/personal-data',
    expected: signedIn(),
    note: "the caller's own data only",
    request: () => ({ path: '/api/me/personal-data' }),
  },
  {
    route: 'GET /api/groups/:groupId/overview',
    expected: members(),
    request: (ids) => ({ path: `/api/groups/${ids.groupA}/overview?year=2026` }),
  },
  { route: 'GET /api/groups/:groupId/my-status', expected: members(), request: (ids) => ({ path: `/api/groups/${ids.groupA}/my-status` }) },
  { route: 'GET /api/groups/:groupId/members', expected: members(), request: (ids) => ({ path: `/api/groups/${ids.groupA}/members` }) },
  {
    route: 'GET /api/groups/:groupId/meetings',
    expected: members(),
    request: (ids) => ({ path: `/api/groups/${ids.groupA}/meetings?year=2026` }),
  },
  { route: 'GET /api/groups/:groupId/proposals', expected: members(), request: (ids) => ({ path: `/api/groups/${ids.groupA}/proposals` }) },
  {
    route: 'POST /api/groups/:groupId/proposals',
    expected: members(201),
    request: (ids, as) => ({
      path: `/api/groups/${ids.groupA}/proposals`,
      body: {
        submissionKey: `matrix-${as}-${randomBytes(4).toString('hex')}`,
        title: `Cykelparkering vid resecentrum (${as})`,
        description: 'Fler säkra platser nära tåget.',
        kind: 'diskussion',
        organisationId: null,
        goalIds: [],
        minutesNeeded: 15,
        meetingId: ids.next.id,
      },
    }),
  },
  {
    route: 'POST /api/proposals/:proposalId/decision',
    expected: strategists(),
    request: (ids) => ({ path: `/api/proposals/${ids.proposal}/decision`, body: { decision: 'accept' } }),
  },
  {
    route: 'GET /api/meetings/:meetingId/handover',
    expected: members(),
    request: (ids) => ({ path: `/api/meetings/${ids.next.id}/handover` }),
  },
  {
    route: 'GET /api/meetings/:meetingId/follow-up',
    expected: members(),
    request: (ids) => ({ path: `/api/meetings/${ids.next.id}/follow-up` }),
  },
  {
    route: 'GET /api/meetings/:meetingId/agenda',
    expected: members(),
    note: "a strategist's read stores the completed agenda",
    request: (ids) => ({ path: `/api/meetings/${ids.next.id}/agenda` }),
  },
  { route: 'PUT /api/meetings/:meetingId/agenda', expected: strategists(), request: agendaBody },
  {
    route: 'POST /api/meetings/:meetingId/call-for-proposals',
    expected: strategists(),
    request: (ids) => ({ path: `/api/meetings/${ids.next.id}/call-for-proposals`, body: {} }),
  },
  {
    route: 'POST /api/meetings/:meetingId/kallelse',
    expected: strategists(),
    request: (ids) => ({ path: `/api/meetings/${ids.next.id}/kallelse`, body: {} }),
  },
  {
    route: 'GET /api/meetings/:meetingId/attendance',
    expected: strategists(),
    request: (ids) => ({ path: `/api/meetings/${ids.next.id}/attendance` }),
  },
  {
    route: 'GET /api/groups/:groupId/not-reached',
    expected: strategists(),
    request: (ids) => ({ path: `/api/groups/${ids.groupA}/not-reached` }),
  },
  {
    route: 'PATCH /api/meetings/:meetingId',
    expected: strategists(),
    request: (ids) => ({ path: `/api/meetings/${ids.may.id}`, body: { place: 'Stadshuset, sammanträdesrum Göta' } }),
  },
  {
    route: 'POST /api/meetings/:meetingId/chair',
    expected: strategists(),
    request: (ids) => ({ path: `/api/meetings/${ids.oct.id}/chair`, body: {} }),
  },
  {
    route: 'POST /api/meetings/:meetingId/cancel',
    expected: strategists(),
    request: (ids) => ({ path: `/api/meetings/${ids.nov.id}/cancel`, body: {} }),
  },
  {
    route: 'POST /api/groups/:groupId/meetings/plan',
    expected: strategists(201),
    request: (ids) => ({
      path: `/api/groups/${ids.groupA}/meetings/plan`,
      body: {
        year: 2027,
        count: 8,
        weekday: 3,
        occurrence: 2,
        startTime: '13:00',
        durationMinutes: 120,
        place: 'Stadshuset',
        onlineUrl: null,
        addToExisting: false,
        preview: false,
      },
    }),
  },
  {
    route: 'GET /api/groups/:groupId/timed-work',
    expected: strategists(),
    request: (ids) => ({ path: `/api/groups/${ids.groupA}/timed-work` }),
  },
  {
    route: 'POST /api/groups/:groupId/timed-work/retry',
    expected: strategists(204),
    request: (ids) => ({ path: `/api/groups/${ids.groupA}/timed-work/retry`, body: { key: ids.failedRunKey } }),
  },
  { route: 'GET /api/groups/:groupId/minutes', expected: members(), request: (ids) => ({ path: `/api/groups/${ids.groupA}/minutes` }) },
  {
    route: 'GET /api/meetings/:meetingId/minutes',
    expected: members(),
    request: (ids) => ({ path: `/api/meetings/${ids.feb.id}/minutes` }),
  },
  {
    route: 'PUT /api/meetings/:meetingId/minutes',
    expected: strategists(),
    note: "strategists and the meeting's chair",
    request: minutesBody,
  },
  {
    route: 'POST /api/meetings/:meetingId/minutes/comments',
    expected: members(),
    request: async (ids, as, reader) => ({
      path: `/api/meetings/${ids.feb.id}/minutes/comments`,
      body: { agendaItemId: (await minutesOf(ids, as, reader)).items[0]!.agendaItemId, text: 'Lägg till vem som äger kartläggningen.' },
    }),
  },
  {
    route: 'POST /api/meetings/:meetingId/minutes/approve',
    expected: members(),
    request: async (ids, as, reader) => ({
      path: `/api/meetings/${ids.feb.id}/minutes/approve`,
      body: { revision: (await minutesOf(ids, as, reader)).revision },
    }),
  },
  {
    route: 'POST /api/meetings/:meetingId/minutes/publish',
    expected: strategists(),
    note: "strategists and the meeting's chair, once the chair and one more member approved",
    request: async (ids, as, reader) => ({
      path: `/api/meetings/${ids.feb.id}/minutes/publish`,
      body: { revision: (await minutesOf(ids, as, reader)).revision },
    }),
  },
  {
    route: 'POST /api/meetings/:meetingId/minutes/correction',
    expected: strategists(),
    request: (ids) => ({ path: `/api/meetings/${ids.feb.id}/minutes/correction`, body: {} }),
  },
  { route: 'GET /api/groups/:groupId/audit', expected: strategists(), request: (ids) => ({ path: `/api/groups/${ids.groupA}/audit` }) },
  {
    route: 'GET /api/groups/:groupId/competence',
    expected: members(),
    request: (ids) => ({ path: `/api/groups/${ids.groupA}/competence?year=2026` }),
  },
  {
    route: 'POST /api/groups/:groupId/competence/suggestions',
    expected: members(201),
    request: (ids, as) => ({
      path: `/api/groups/${ids.groupA}/competence/suggestions`,
      body: {
        submissionKey: `matrix-${as}-${randomBytes(4).toString('hex')}`,
        kind: 'film',
        title: `Filmtips (${as})`,
        description: '',
        link: '',
      },
    }),
  },
  {
    route: 'PUT /api/groups/:groupId/competence/suggestions/:suggestionId/vote',
    expected: members(),
    request: (ids) => ({
      path: `/api/groups/${ids.groupA}/competence/suggestions/${ids.competence.suggestion}/vote`,
      body: { voted: true },
    }),
  },
  {
    route: 'POST /api/groups/:groupId/competence/activities',
    expected: strategists(201),
    request: (ids) => ({
      path: `/api/groups/${ids.groupA}/competence/activities`,
      body: { kind: 'lecture', status: 'planned', date: '2026-05-20', title: 'Föreläsning om dagvatten' },
    }),
  },
  {
    route: 'PUT /api/groups/:groupId/competence/activities/:activityId',
    expected: strategists(),
    request: async (ids, as, reader) => {
      const plan = await reader.get<{ activities: { id: string; revision: number }[] }>(
        readerFor(as),
        `/api/groups/${ids.groupA}/competence?year=2026`,
      );
      const revision = plan.activities.find((a) => a.id === ids.competence.activity)?.revision ?? 1;
      return {
        path: `/api/groups/${ids.groupA}/competence/activities/${ids.competence.activity}`,
        body: { kind: 'study_visit', status: 'held', date: '2026-02-25', title: 'Studiebesök på reningsverket', revision },
      };
    },
  },
  {
    route: 'POST /api/groups/:groupId/competence/suggestions/:suggestionId/plan',
    expected: strategists(201),
    request: (ids) => ({
      path: `/api/groups/${ids.groupA}/competence/suggestions/${ids.competence.suggestion}/plan`,
      body: { date: '2026-10-14' },
    }),
  },
  {
    route: 'GET /api/groups/:groupId/report',
    expected: strategists(),
    request: (ids) => ({ path: `/api/groups/${ids.groupA}/report?from=2026-01-01&to=2026-12-31&audience=sdl` }),
  },
  {
    route: 'POST /api/groups/:groupId/reports',
    expected: strategists(201),
    request: (ids) => ({ path: `/api/groups/${ids.groupA}/reports`, body: { from: '2026-01-01', to: '2026-12-31', audience: 'utskott' } }),
  },
  {
    route: 'GET /api/groups/:groupId/goals',
    expected: members(),
    request: (ids) => ({ path: `/api/groups/${ids.groupA}/goals?from=2026-01-01&to=2026-12-31` }),
  },
  {
    route: 'GET /api/groups/:groupId/goals/:goalId',
    expected: members(),
    request: async (ids, as, reader) => ({ path: `/api/groups/${ids.groupA}/goals/${(await goalsOf(ids, as, reader))[0]!.id}` }),
  },
  {
    route: 'POST /api/groups/:groupId/goals',
    expected: strategists(201),
    request: (ids, as) => ({ path: `/api/groups/${ids.groupA}/goals`, body: { name: `Matrisens mål (${as})` } }),
  },
  {
    route: 'PATCH /api/groups/:groupId/goals/:goalId',
    expected: strategists(),
    request: async (ids, as, reader) => ({
      path: `/api/groups/${ids.groupA}/goals/${(await goalsOf(ids, as, reader)).find((g) => g.own)!.id}`,
      body: { name: `Omdöpt i matrisen (${as})` },
    }),
  },
  {
    route: 'PUT /api/groups/:groupId/agenda-items/:itemId/goals',
    expected: strategists(),
    request: async (ids, as, reader) => {
      const agenda = await reader.get<MeetingAgendaView>(readerFor(as), `/api/meetings/${ids.next.id}/agenda`);
      return { path: `/api/groups/${ids.groupA}/agenda-items/${agenda.items[0]!.id}/goals`, body: { goalIds: [] } };
    },
  },
  {
    route: 'PUT /api/groups/:groupId/actions/:actionId/goals',
    expected: strategists(),
    request: (ids) => ({ path: `/api/groups/${ids.groupA}/actions/${ids.actionA}/goals`, body: { goalIds: null } }),
  },
  {
    route: 'GET /api/groups/:groupId/representation',
    expected: members(),
    note: 'counts per organisation, no names: every member of the group',
    request: (ids) => ({ path: `/api/groups/${ids.groupA}/representation?year=2026` }),
  },
  {
    route: 'GET /api/groups/:groupId/actions',
    expected: members(),
    request: (ids) => ({ path: `/api/groups/${ids.groupA}/actions?status=not_done` }),
  },
  {
    route: 'GET /api/groups/:groupId/actions/:actionId',
    expected: members(),
    note: 'after the publish above: an action of unpublished minutes is refused as one that does not exist',
    request: (ids) => ({ path: `/api/groups/${ids.groupA}/actions/${ids.actionA}` }),
  },
  {
    route: 'PATCH /api/groups/:groupId/actions/:actionId',
    expected: members(),
    note: 'strategists change status, due date and owner; the delegate here owns the action and may change its status only (the status it has: the check below wants it open)',
    request: (ids) => ({ path: `/api/groups/${ids.groupA}/actions/${ids.actionA}`, body: { status: 'open' } }),
  },
  {
    route: 'GET /api/search',
    expected: members(),
    note: 'searches only the groups the caller is a member of; naming another group is refused',
    request: (ids) => ({ path: `/api/search?q=solceller&groupId=${ids.groupA}` }),
  },
  {
    route: 'GET /api/groups/:groupId/sub-groups',
    expected: members(),
    request: (ids) => ({ path: `/api/groups/${ids.groupA}/sub-groups` }),
  },
  {
    route: 'POST /api/groups/:groupId/agenda-items/:itemId/sub-groups',
    expected: strategists(201),
    request: async (ids, as, reader) => {
      const [seeded] = (await reader.get<SubGroupList>(readerFor(as), `/api/groups/${ids.groupA}/sub-groups`)).subGroups;
      return {
        path: `/api/groups/${ids.groupA}/agenda-items/${seeded!.origin.agendaItemId}/sub-groups`,
        body: {
          name: `Delgrupp (${as})`,
          mandate: 'Kartlägg och föreslå.',
          deadline: '2026-06-30',
          memberPersonIds: seeded!.memberPersonIds,
          convenorPersonId: seeded!.memberPersonIds[0],
        },
      };
    },
  },
  {
    route: 'PATCH /api/groups/:groupId/sub-groups/:subGroupId',
    expected: strategists(),
    request: (ids, as) => ({ path: `/api/groups/${ids.groupA}/sub-groups/${ids.subGroupA}`, body: { mandate: `Nytt uppdrag (${as})` } }),
  },
  { route: 'GET /api/groups/:groupId/tips', expected: members(), request: (ids) => ({ path: `/api/groups/${ids.groupA}/tips` }) },
  {
    route: 'POST /api/groups/:groupId/tips',
    expected: members(201),
    request: (ids, as) => ({
      path: `/api/groups/${ids.groupA}/tips`,
      body: {
        submissionKey: `matrix-tip-${as}-${randomBytes(4).toString('hex')}`,
        url: 'https://example.org/rapport',
        comment: `Tips (${as})`,
      },
    }),
  },
  {
    route: 'POST /api/groups/:groupId/tips/:tipId/proposal',
    expected: members(201),
    note: 'any member makes a proposal of a new tip, in their own name',
    request: (ids, as) => ({
      path: `/api/groups/${ids.groupA}/tips/${ids.tips[readerFor(as) === 'strategist' ? 'strategist' : 'delegate']}/proposal`,
      body: {
        submissionKey: `matrix-tp-${as}-${randomBytes(4).toString('hex')}`,
        title: `Från ett tips (${as})`,
        description: '',
        minutesNeeded: 15,
      },
    }),
  },
  {
    route: 'POST /api/groups/:groupId/tips/:tipId/dismiss',
    expected: strategists(),
    request: (ids) => ({ path: `/api/groups/${ids.groupA}/tips/${ids.tips.dismiss}/dismiss`, body: {} }),
  },
  {
    route: 'POST /api/groups/:groupId/members/:personId/erase',
    expected: strategists(),
    note: 'last: the delegate erased is in no other request',
    request: (ids) => ({ path: `/api/groups/${ids.groupA}/members/${ids.per}/erase`, body: { confirm: true } }),
  },
  {
    route: 'POST /api/messages',
    expected: everyone(401),
    note: "the bot endpoint: Bot Framework's channel tokens only, never a tab token",
    request: () => ({
      path: '/api/messages',
      body: {
        type: 'message',
        text: 'hjälp',
        channelId: 'msteams',
        serviceUrl: 'https://smba.trafficmanager.net/emea/',
        from: { id: '29:x' },
        recipient: { id: '28:b' },
        conversation: { id: 'a:x' },
      },
    }),
  },
  { route: 'GET /', expected: everyone(302), note: 'public: redirects to the tab', request: () => ({ path: '/' }) },
  { route: 'GET /tab', expected: everyone(301), note: 'public: redirects to the tab', request: () => ({ path: '/tab' }) },
  {
    route: 'GET /tab/*',
    // The tab's static files hold no data; 503 only when the tab has not been built.
    expected: everyone(existsSync(path.resolve(__dirname, '../../tab/dist/index.html')) ? 200 : 503),
    note: "public: the tab's files (no data in them)",
    request: () => ({ path: '/tab/index.html' }),
  },
];

// pg-boss in a schema of its own: its tables change in the background, the snapshot reads ours.
const targets: [string, (dir: string) => Promise<ServiceDatabaseTarget>][] = [['PGlite', (dir) => pgliteServiceTarget('matrix', dir)]];
if (process.env.TEST_DATABASE_URL)
  targets.push(['PostgreSQL', () => postgresServiceTarget(process.env.TEST_DATABASE_URL!, 'matrix', { jobsApart: true })]);

/** Tables the background worker writes on its own (timed work, calendar sync): not the callers' doing. */
const BACKGROUND_TABLES = new Set(['timed_plan', 'timed_run', 'meeting_calendar']);

describe.each(targets)('the role matrix over HTTP in production mode (%s)', (_name, makeTarget) => {
  let dir: string;
  let target: ServiceDatabaseTarget;
  let issuer: LocalOpenIdIssuer;
  let identity: LocalManagedIdentity;
  let graph: GraphStandIn;
  let config: Config;
  let service: RunningService | undefined;
  let tenantId: string;
  let ids: Ids;
  let before: Record<string, string[]>;
  const savedEnv = { IDENTITY_ENDPOINT: process.env.IDENTITY_ENDPOINT, IDENTITY_HEADER: process.env.IDENTITY_HEADER };

  beforeAll(async () => {
    dir = await newDataDir('arbetsrum-matrix-');
    target = await makeTarget(dir);
    const demo = await readGroupSeed(DEMO_SEED_FILE);
    tenantId = demo.tenant.id;
    const db = await target.open();
    try {
      await migrate(db);
      ids = await seedAll(db, demo, tenantId);
      before = await snapshot(db);
    } finally {
      await db.close();
    }

    [issuer, identity, graph] = await Promise.all([
      startLocalOpenIdIssuer({ issuer: entraIssuerV2(tenantId) }),
      startLocalManagedIdentity(),
      startGraphStandIn({ port: 0, dataDir: path.join(dir, 'graph') }),
    ]);
    // msal finds the managed identity as on App Service.
    Object.assign(process.env, identity.env);
    const base = readConfig({
      MicrosoftAppId: APP_ID,
      MicrosoftAppType: 'SingleTenant',
      MicrosoftAppTenantId: tenantId,
      MicrosoftAppPassword: 'not-a-real-secret',
      DATABASE_URL: 'postgres://replaced.invalid/by-the-target',
      HOST: '127.0.0.1',
      ENTRA_OPENID_METADATA_URL: issuer.metadataUrl,
      GRAPH_AUTH: 'managed-identity',
      GRAPH_BASE_URL: graph.url,
      // Each caller writes to every route in turn, some twice: more than a person's write limit in
      // a minute, which write-rate-limit-http.test.ts tests on its own.
      WRITES_PER_MINUTE: '100000',
    });
    config = { ...target.config(base), port: 0 };
    service = await startService(config, silent, clock);
  }, 120_000);

  afterAll(async () => {
    await service?.close();
    await Promise.all([issuer?.close(), identity?.close(), graph?.close()]);
    if (savedEnv.IDENTITY_ENDPOINT === undefined) delete process.env.IDENTITY_ENDPOINT;
    else process.env.IDENTITY_ENDPOINT = savedEnv.IDENTITY_ENDPOINT;
    if (savedEnv.IDENTITY_HEADER === undefined) delete process.env.IDENTITY_HEADER;
    else process.env.IDENTITY_HEADER = savedEnv.IDENTITY_HEADER;
    await target?.cleanUp();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  /** Entra tokens as Teams SSO hands them to the tab; another tenant's is as valid, for that tenant. */
  const bearer = (as: Caller): string | undefined => {
    const mint = (oid: string, tid: string) => issuer.mint(entraClaims({ tenantId: tid, appId: APP_ID, oid, now: clock.now() }));
    switch (as) {
      case 'strategist':
        return mint(ANNA, tenantId);
      case 'delegate':
        return mint(SARA, tenantId);
      case 'otherGroup':
        return mint(LENA, tenantId);
      case 'otherTenant':
        return mint(TOVA, OTHER_TENANT);
      case 'anonymous':
        return undefined;
    }
  };

  async function send(as: Caller, method: string, request: Call): Promise<{ status: number; text: string }> {
    const token = bearer(as);
    const res = await fetch(`${service!.url}${request.path}`, {
      method,
      redirect: 'manual',
      headers: {
        ...(token ? { Authorization: `Bearer ${token}` } : {}),
        ...(request.body !== undefined ? { 'Content-Type': 'application/json' } : {}),
      },
      ...(request.body !== undefined ? { body: JSON.stringify(request.body) } : {}),
    });
    return { status: res.status, text: await res.text() };
  }

  const reader: Reader = {
    async get<T>(as: Caller, route: string): Promise<T> {
      const res = await send(as, 'GET', { path: route });
      if (res.status !== 200) throw new Error(`GET ${route} as ${as}: ${res.status} ${res.text.slice(0, 200)}`);
      return JSON.parse(res.text) as T;
    },
  };

  const split = (route: string) => route.split(' ') as [string, string];
  /** Group A's ids in a path, each replaced by one that exists nowhere. */
  const madeUp = (p: string) =>
    [ids.groupA, ids.feb.id, ids.next.id, ids.may.id, ids.oct.id, ids.nov.id, ids.proposal, ids.per].reduce(
      (out, id) => out.split(id).join(MADE_UP_ID),
      p,
    );
  const leaks = (text: string, words: readonly string[]) => words.filter((w) => text.toLowerCase().includes(w.toLowerCase()));

  it(`has an entry for every route the server answers (${MATRIX.length} routes × ${CALLERS.length} callers = ${MATRIX.length * CALLERS.length} calls)`, () => {
    const served = service!.routes().map((r) => `${r.method.toUpperCase()} ${r.path}`);
    const listed = MATRIX.map((e) => e.route);
    expect(served.filter((route) => !listed.includes(route))).toEqual([]);
    expect(listed.filter((route) => !served.includes(route))).toEqual([]);
    expect(new Set(listed).size).toBe(listed.length);
    // The dev sign-in exists only in local mode.
    expect(served.filter((route) => route.includes('/api/dev/'))).toEqual([]);
    console.log(
      `role matrix: ${MATRIX.length} routes × ${CALLERS.length} callers = ${MATRIX.length * CALLERS.length} calls\n` +
        MATRIX.map((e) => `${e.route.padEnd(52)} ${CALLERS.map((c) => `${c}=${e.expected[c]}`).join(' ')}`).join('\n'),
    );
  });

  it('refuses whom the matrix refuses, names nothing of the group, and answers a made-up id alike', async () => {
    const wrong: string[] = [];
    for (const entry of MATRIX) {
      const [method] = split(entry.route);
      for (const as of CALLERS) {
        if (entry.expected[as] < 400) continue;
        const request = await entry.request(ids, as, reader);
        const res = await send(as, method, request);
        if (res.status !== entry.expected[as])
          wrong.push(`${entry.route} as ${as}: ${res.status}, expected ${entry.expected[as]} ${res.text.slice(0, 160)}`);
        const named = leaks(res.text, GROUP_A_WORDS);
        if (named.length > 0) wrong.push(`${entry.route} as ${as} names ${named.join(', ')}`);
        if (as === 'otherGroup' && res.status === 403) {
          // The same request about a thing that does not exist: the very same answer.
          const ghost = await send(as, method, { ...request, path: madeUp(request.path) });
          if (ghost.status !== res.status || ghost.text !== res.text) {
            wrong.push(
              `${entry.route} as ${as}: the group's id answers ${res.status} ${res.text}, a made-up id ${ghost.status} ${ghost.text}`,
            );
          }
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  it("refuses a strategist the other tenant's group as if it did not exist", async () => {
    for (const suffix of ['overview', 'members', 'meetings', 'proposals', 'minutes', 'timed-work', 'my-status']) {
      const theirs = await send('strategist', 'GET', { path: `/api/groups/${ids.groupC}/${suffix}` });
      const none = await send('strategist', 'GET', { path: `/api/groups/${MADE_UP_ID}/${suffix}` });
      expect([suffix, theirs.status, theirs.text]).toEqual([suffix, 403, none.text]);
      expect(leaks(theirs.text, TENANT_C_WORDS)).toEqual([]);
    }
  });

  it('changed nothing and mailed no one for the refused calls (the database read with the service stopped)', async () => {
    await service!.close();
    service = undefined;
    const db = await target.open();
    try {
      expect(await snapshot(db)).toEqual(before);
      const [run] = await db.query<{ state: string }>('SELECT state FROM timed_run WHERE tenant_id = $1 AND key = $2', [
        tenantId,
        ids.failedRunKey,
      ]);
      expect(run).toEqual({ state: 'failed' });
    } finally {
      await db.close();
    }
    expect(await mails()).toEqual([]);
    service = await startService(config, silent, clock);
  });

  it('allows whom the matrix allows', async () => {
    const wrong: string[] = [];
    let strategistSaw = '';
    for (const entry of MATRIX) {
      const [method] = split(entry.route);
      for (const as of CALLERS) {
        if (entry.expected[as] >= 400) continue;
        const res = await send(as, method, await entry.request(ids, as, reader));
        if (res.status !== entry.expected[as])
          wrong.push(`${entry.route} as ${as}: ${res.status}, expected ${entry.expected[as]} ${res.text.slice(0, 300)}`);
        if (as === 'strategist') strategistSaw += res.text;
        if (as === 'otherGroup') {
          const named = leaks(res.text, GROUP_A_WORDS);
          if (named.length > 0) wrong.push(`${entry.route} as ${as} names ${named.join(', ')}`);
        }
      }
    }
    expect(wrong).toEqual([]);
    // The words looked for are there for a member: their absence from other answers means something.
    expect(leaks(strategistSaw, GROUP_A_WORDS)).toEqual(GROUP_A_WORDS);
    // The strategist's sends went out by mail (nobody has a Teams chat): the allowed path ran to the end.
    expect((await mails()).length).toBeGreaterThan(0);
  });

  it("keeps the demo group's things out of the other group's own routes", async () => {
    const lena = (method: string, p: string, body?: unknown) =>
      send('otherGroup', method, { path: p, ...(body !== undefined ? { body } : {}) });
    // Its own proposals, filtered by the demo group's meeting: none of the demo group's.
    const filtered = await lena('GET', `/api/groups/${ids.groupB}/proposals?meetingId=${ids.next.id}`);
    expect(filtered.status).toBe(200);
    expect(JSON.parse(filtered.text)).toEqual({ proposals: [] });
    // The demo group's failed run, retried through its own group: as unknown as a made-up key.
    const retry = await lena('POST', `/api/groups/${ids.groupB}/timed-work/retry`, { key: ids.failedRunKey });
    const ghost = await lena('POST', `/api/groups/${ids.groupB}/timed-work/retry`, { key: `day-before-reminder:${MADE_UP_ID}:2026-03-10` });
    expect([retry.status, retry.text]).toEqual([404, ghost.text]);
    // A proposal for the demo group's meeting: refused as an unknown choice, the form naming its own group's things only.
    const proposal = await lena('POST', `/api/groups/${ids.groupB}/proposals`, {
      submissionKey: `matrix-b-${randomBytes(4).toString('hex')}`,
      title: 'Ett förslag till fel grupps möte',
      description: '',
      kind: 'diskussion',
      organisationId: null,
      goalIds: [],
      minutesNeeded: 15,
      meetingId: ids.next.id,
    });
    expect(proposal.status).toBe(400);
    expect(JSON.parse(proposal.text)).toMatchObject({ code: 'invalid_proposal', errors: { meetingId: 'unknown-choice' } });
    // Its own minutes, with an action that reuses the demo group's action id: refused, and the demo group's action stays.
    const theirs = (await reader.get<{ minutes: MinutesView }>('otherGroup', `/api/meetings/${ids.febB.id}/minutes`)).minutes;
    const hijack = await lena('PUT', `/api/meetings/${ids.febB.id}/minutes`, {
      revision: theirs.revision,
      items: theirs.items.map((item) => ({ agendaItemId: item.agendaItemId, notes: 'Anteckning', decision: '' })),
      attendance: [],
      actions: [{ id: ids.actionA, agendaItemId: null, title: 'Kapad åtgärd', ownerPersonId: null, dueDate: null, status: 'done' }],
    });
    expect(hijack.status).toBe(422);
    for (const res of [filtered, retry, proposal, hijack]) expect(leaks(res.text, GROUP_A_WORDS)).toEqual([]);
    const ours = (await reader.get<{ minutes: MinutesView }>('delegate', `/api/meetings/${ids.feb.id}/minutes`)).minutes;
    const action = [...ours.items.flatMap((i) => i.actions), ...ours.otherActions].find((a) => a.id === ids.actionA);
    expect(action).toMatchObject({ title: ACTION_TITLE, status: 'open' });
  });

  /** The mails the Graph stand-in took. */
  async function mails(): Promise<string[]> {
    return readdir(path.join(dir, 'graph', 'outbox')).then(
      (files) => files.filter((f) => f.endsWith('.eml')),
      () => [],
    );
  }
});

/**
 * The demo group with a proposal, a stored agenda, drafted minutes with an action and a failed
 * timed run; another group of the same tenant; a group of another tenant.
 */
async function seedAll(db: SqlDatabase, demo: Awaited<ReturnType<typeof readGroupSeed>>, tenantId: string): Promise<Ids> {
  const storage = createSqlStorage(db);
  const repositories = storage.repositories;
  const idGen = sequentialIds('matrix');
  const deps = { repositories, unitOfWork: storage.unitOfWork, clock, ids: idGen };
  const seedDeps = { unitOfWork: storage.unitOfWork, clock, ids: idGen };
  const groupA = (await seedDemoGroup(seedDeps, demo, [2026])).groupId;
  const groupB = (
    await seedDemoGroup(
      seedDeps,
      aGroupSeed({
        tenant: demo.tenant,
        group: { ...aGroupSeed().group, name: 'Sociala hållbarhetsgruppen', teamId: '19:other@thread.tacv2' },
        people: [
          { name: 'Lena Ström', email: 'lena.strom@trollhattan.example', aadObjectId: LENA, organisation: 'ks', role: 'strategist' },
          { name: 'Olof Lund', email: 'olof.lund@trollhattan.example', aadObjectId: null, organisation: 'ks', role: 'strategist' },
          { name: 'Nils Berg', email: 'nils.berg@trollhattan.example', aadObjectId: null, organisation: 'utb', role: 'delegate' },
        ],
      }),
      [2026],
    )
  ).groupId;
  const groupC = (
    await seedDemoGroup(
      seedDeps,
      aGroupSeed({
        tenant: { id: OTHER_TENANT, name: 'Vänersborgs kommun (test)' },
        group: { ...aGroupSeed().group, name: 'Miljögruppen Vänersborg', teamId: '19:vanersborg@thread.tacv2' },
        people: [
          { name: 'Tova Sund', email: 'tova.sund@vanersborg.example', aadObjectId: TOVA, organisation: 'ks', role: 'strategist' },
          { name: 'Ulf Holm', email: 'ulf.holm@vanersborg.example', aadObjectId: null, organisation: 'ks', role: 'strategist' },
        ],
      }),
      [2026],
    )
  ).groupId;

  const people = new Map((await repositories.people.listByGroup(tenantId, groupA)).map((p) => [p.name, p.id]));
  const anna = { tenantId, personId: people.get('Anna Lindqvist')! };
  const sara = { tenantId, personId: people.get('Sara Nilsson')! };
  const meetings = await repositories.meetings.listByGroup(tenantId, groupA);
  const inMonth = (month: number) => meetings.find((m) => m.startsAt.getUTCMonth() + 1 === month)!;
  const [feb, next, may, oct, nov] = [inMonth(2), inMonth(3), inMonth(5), inMonth(10), inMonth(11)];
  const febB = (await repositories.meetings.listByGroup(tenantId, groupB)).find((m) => m.startsAt.getUTCMonth() + 1 === 2)!;

  // Anna chairs February, so her approval and Sara's let her publish.
  await repositories.meetings.save({ ...feb, chairPersonId: anna.personId });
  const submitted = await submitProposal(deps, {
    ...sara,
    groupId: groupA,
    proposalId: null,
    submissionKey: 'matrix-setup-proposal',
    draft: {
      title: PROPOSAL_TITLE,
      description: 'Snabbladdare för kommunens bilar.',
      kind: 'beslut',
      organisationId: null,
      goalIds: [],
      minutesNeeded: 20,
      meetingId: next.id,
    },
  });
  if (submitted.kind !== 'stored') throw new Error('the setup proposal was refused');
  // The strategist opened the next meeting's agenda (stored with its ids) and drafted February's minutes.
  const nextAgenda = await getMeetingAgenda(deps, { ...anna, meetingId: next.id });
  const subGroupA = (
    await startSubGroup(deps, {
      ...anna,
      groupId: groupA,
      agendaItemId: nextAgenda.items[0]!.id,
      name: 'Matrisens delgrupp',
      mandate: 'Ta frågan vidare.',
      deadline: '2026-04-30',
      memberPersonIds: [anna.personId, sara.personId],
      convenorPersonId: sara.personId,
    })
  ).id;
  const minutes = await getMinutes(deps, { ...anna, meetingId: feb.id });
  const actionA = randomUUID();
  const saved = await saveMinutesDraft(deps, {
    ...anna,
    meetingId: feb.id,
    revision: minutes.revision,
    draft: {
      items: minutes.items.map((item, i) => ({ agendaItemId: item.agendaItemId, notes: i === 0 ? MINUTES_NOTES : '', decision: '' })),
      attendance: [],
      actions: [
        {
          id: actionA,
          agendaItemId: minutes.items[0]!.agendaItemId,
          title: ACTION_TITLE,
          ownerPersonId: sara.personId,
          dueDate: '2026-04-30',
          status: 'open',
        },
      ],
    },
  });
  if (saved.kind !== 'saved') throw new Error('the setup minutes were not saved');
  // A run the timed work wants (so the planner leaves it), failed as the runner leaves one.
  const group = (await repositories.groups.find(tenantId, groupA))!;
  const wanted = plannedRunsForMeeting(next, timedWorkSettings(group.settings), clock.now()).find((r) => r.kind === 'day-before-reminder')!;
  await repositories.timedRuns.save({
    tenantId,
    key: wanted.key,
    groupId: groupA,
    meetingId: next.id,
    kind: wanted.kind,
    subjectId: wanted.subjectId,
    runAt: wanted.runAt,
    state: 'failed',
    attempts: 3,
    outcome: null,
    lastError: 'Error: connector said 502',
    updatedAt: clock.now(),
  });
  const tip = async (n: string): Promise<string> => {
    const added = await addTip(deps, {
      ...sara,
      groupId: groupA,
      submissionKey: `matrix-setup-tip-${n}`,
      source: 'tab',
      draft: { url: 'https://example.org/tips', comment: `Tips ${n}`, quote: null },
    });
    if (added.kind !== 'stored') throw new Error('the setup tip was refused');
    return added.tip.id;
  };
  const tips = { strategist: await tip('s'), delegate: await tip('d'), dismiss: await tip('x') };
  const suggested = await suggestCompetenceActivity(deps, {
    ...sara,
    groupId: groupA,
    submissionKey: 'matrix-setup-competence',
    draft: { kind: 'study_visit', title: 'Studiebesök på biogasanläggningen', description: '', link: '' },
  });
  const activity = await saveCompetenceActivity(deps, {
    ...anna,
    groupId: groupA,
    activityId: null,
    draft: {
      kind: 'study_visit',
      status: 'planned',
      date: '2026-04-22',
      title: 'Studiebesök på reningsverket',
      description: '',
      organiserOrganisationId: null,
      organiser: '',
      participants: [],
      links: [],
      learned: '',
      actionIds: [],
    },
  });
  if (suggested.kind !== 'stored' || activity.kind !== 'saved') throw new Error('the setup competence was refused');
  const competence = { suggestion: suggested.suggestion.id, activity: activity.activity.id };

  return {
    tips,
    groupA,
    groupB,
    groupC,
    feb,
    next,
    may,
    oct,
    nov,
    proposal: submitted.proposal.id,
    failedRunKey: wanted.key,
    per: people.get('Per Andersson')!,
    febB,
    actionA,
    subGroupA,
    competence,
  };
}

/** Every row of every table the callers could change, as JSON, in a stable order. */
async function snapshot(db: SqlDatabase): Promise<Record<string, string[]>> {
  const tables = await db.query<{ name: string }>(
    "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY 1",
  );
  const out: Record<string, string[]> = {};
  for (const { name } of tables) {
    if (BACKGROUND_TABLES.has(name) || !/^[a-z_]+$/.test(name)) continue;
    const rows = await db.query<{ row: string }>(`SELECT to_jsonb(t)::text AS row FROM ${name} t ORDER BY 1`);
    out[name] = rows.map((r) => r.row);
  }
  return out;
}
