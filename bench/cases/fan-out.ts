/**
 * Issue 9, case 2 — a reminder to 2 000 people, each in their own 1:1 chat, through a Bot
 * Connector stand-in that holds the bot to Teams' limits (50 requests a second per tenant, the
 * per-conversation windows; 429 with Retry-After beyond them).
 *
 * Arbetsrum: the real proposal-deadline reminder (remindProposalDeadline → sendToGroup → fanOut
 * with the Pacer), the real TeamsMessenger over botbuilder's CloudAdapter, on PGlite migrated and
 * seeded, with every delivery claimed, leased and recorded as in production. Baseline: the limit
 * itself — N messages at 50 a second take N/50 s; no sender can be faster without 429s.
 *
 * Measures: the wall time against N/50 s (target ratio ≤ 1.11, i.e. ≥ 0.9 of the limit's
 * throughput), and, counted by the stand-in, messages lost (0), duplicates (0) and 429s after the
 * first second (0).
 */
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { createCloudAdapter } from '../../bot/src/adapters/teams/bot-endpoint';
import { TeamsMessenger } from '../../bot/src/adapters/teams/teams-messenger';
import { migrate } from '../../bot/src/adapters/storage/migrate';
import { openPgliteDatabase } from '../../bot/src/adapters/storage/pglite-database';
import { createSqlStorage } from '../../bot/src/adapters/storage/sql-storage';
import { IN_FLIGHT, Pacer } from '../../bot/src/app/fan-out';
import type { Logger } from '../../bot/src/app/ports/logger';
import type { Messenger, Waiter } from '../../bot/src/app/ports/messenger';
import { remindProposalDeadline } from '../../bot/src/app/remind-proposal-deadline';
import { seedDemoGroup, type GroupSeed } from '../../bot/src/app/seed-demo-group';
import { DEFAULT_GROUP_SETTINGS } from '../../bot/src/domain/group';
import { addCrowd } from '../../tests/support/crowd';
import { startConnectorStandIn } from '../../tests/support/teams-connector-stand-in';
import { round } from '../report';
import type { BenchCase, BenchContext, CaseResult } from '../types';

const PEOPLE = 2000;
/** Teams' limit on proactive messages per app and tenant (the stand-in enforces the same). */
const TENANT_PER_SECOND = 50;
const TENANT = 'bench-tenant';
const quiet: Logger = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };

/** Two strategists and one meeting next year, open for proposals; the crowd is added after. */
function seed(): GroupSeed {
  return {
    tenant: { id: TENANT, name: 'Benchkommun' },
    // No team: nobody is reached through a roster, everyone through their own stored chat.
    group: { name: 'Bench fan-out', description: '', teamId: null, settings: DEFAULT_GROUP_SETTINGS },
    organisations: [{ key: 'ks', name: 'Kommunstyrelsens förvaltning', kind: 'forvaltning' }],
    // Two strategists: the year plan rotates the chair between them.
    people: [
      { name: 'Anna Strateg', email: 'anna@kommun.example', aadObjectId: null, organisation: 'ks', role: 'strategist' },
      { name: 'Erik Strateg', email: 'erik@kommun.example', aadObjectId: null, organisation: 'ks', role: 'strategist' },
    ],
    goals: [],
    meetings: {
      pattern: { count: 1, weekday: 3, occurrence: 2, startTime: '13:00', months: [11] },
      place: 'Stadshuset',
      onlineUrl: null,
      titlePrefix: 'Möte',
    },
  };
}

async function run(context: BenchContext): Promise<CaseResult> {
  const db = await openPgliteDatabase();
  const connector = await startConnectorStandIn();
  try {
    await migrate(db);
    const storage = createSqlStorage(db);
    const clock = { now: () => new Date() };
    const year = new Date().getFullYear() + 1;
    const { groupId } = await seedDemoGroup({ unitOfWork: storage.unitOfWork, clock, ids: randomUUID }, seed(), [year]);
    const [meeting] = await storage.repositories.meetings.listByGroup(TENANT, groupId);
    if (!meeting) throw new Error('no meeting seeded');
    context.log(`adding ${PEOPLE} delegates with personal chats`);
    // One transaction: the crowd is arrangement, not what is measured.
    await storage.unitOfWork.transaction((repos) =>
      addCrowd(repos, { tenantId: TENANT, groupId, serviceUrl: connector.url, n: PEOPLE, now: clock.now() }),
    );

    const teams = new TeamsMessenger(createCloudAdapter({ appId: '', appPassword: '', appType: '', appTenantId: '' }, quiet), '', 'sv');
    // Only watched, not changed: the time spent in sends and in the Pacer's waits, each summed over
    // the sends in flight (so together they can exceed the wall time).
    const spent = { sendMs: 0, waitMs: 0 };
    const messenger: Messenger = {
      send: async (conversation, notice) => {
        const t = performance.now();
        try {
          return await teams.send(conversation, notice);
        } finally {
          spent.sendMs += performance.now() - t;
        }
      },
      update: (conversation, messageId, notice) => teams.update(conversation, messageId, notice),
    };
    const waiter: Waiter = {
      wait: (ms) => {
        spent.waitMs += ms;
        return new Promise((resolve) => setTimeout(resolve, ms));
      },
      random: Math.random,
    };
    const deps = {
      repositories: storage.repositories,
      clock,
      ids: randomUUID,
      messenger,
      waiter,
      roster: { members: async () => [], openPersonalChat: async () => null },
      logger: quiet,
    };
    context.log(`sending the proposal reminder to ${PEOPLE} people (≈ ${PEOPLE / TENANT_PER_SECOND} s at the limit)`);
    const progress = setInterval(() => context.log(`${connector.accepted.length} accepted, ${connector.throttled.length} 429s`), 10_000);
    const startedAt = Date.now();
    const started = performance.now();
    const report = await remindProposalDeadline(deps, new Pacer(), { by: 'scheduler', tenantId: TENANT, meetingId: meeting.id }).finally(
      () => clearInterval(progress),
    );
    const seconds = (performance.now() - started) / 1000;

    const counts = connector.countsByConversation();
    const crowd = Array.from({ length: PEOPLE }, (_, i) => `a:crowd-${i + 1}`);
    const lost = crowd.filter((id) => (counts.get(id) ?? 0) === 0).length;
    const duplicates = crowd.reduce((sum, id) => sum + Math.max(0, (counts.get(id) ?? 0) - 1), 0);
    const lateThrottles = connector.throttled.filter((t) => t.at - startedAt > 1000).length;
    const limitSeconds = PEOPLE / TENANT_PER_SECOND;
    const perSecond = connector.accepted.length / seconds;
    // The busiest second seen by the stand-in, to show how close the pacing gets to the limit.
    const bySecond = new Map<number, number>();
    for (const m of connector.accepted) {
      const second = Math.floor((m.at - startedAt) / 1000);
      bySecond.set(second, (bySecond.get(second) ?? 0) + 1);
    }
    const firstAcceptedMs = (connector.accepted[0]?.at ?? startedAt) - startedAt;
    const perPerson = (ms: number): number => round(ms / PEOPLE, 1);
    context.log(`${round(seconds, 1)} s, ${round(perSecond, 1)}/s; report: sent ${report.sent}, not reached ${report.notReached.length}`);

    const notes: string[] = [];
    if (seconds / limitSeconds > 1.11)
      notes.push(
        `${perPerson(seconds * 1000)} ms per person against ${1000 / TENANT_PER_SECOND} ms at the limit, with up to ${IN_FLIGHT} sends in flight: ` +
          `${perPerson(spent.sendMs)} ms in the send (summed over the sends in flight; the stand-in answers after 15 ms), ${perPerson(spent.waitMs)} ms ` +
          `waiting for the Pacer, and ${round(firstAcceptedMs / 1000, 1)} s before the first send (finding the audience and their chats). ` +
          `Claiming, leasing and recording each delivery is three database round trips on the one PGlite connection, which the sends in flight share.`,
      );
    return {
      measures: [
        {
          measure: `reminder to ${PEOPLE} people, wall time`,
          unit: 's',
          arbetsrum: round(seconds, 1),
          baseline: limitSeconds,
          target: { of: 'ratio', op: '<=', limit: 1.11 },
        },
        { measure: 'messages lost', unit: '', arbetsrum: lost, target: { of: 'value', op: '<=', limit: 0 } },
        { measure: 'duplicate messages', unit: '', arbetsrum: duplicates, target: { of: 'value', op: '<=', limit: 0 } },
        { measure: '429s after the first second', unit: '', arbetsrum: lateThrottles, target: { of: 'value', op: '<=', limit: 0 } },
      ],
      details: {
        people: PEOPLE,
        seconds: round(seconds, 2),
        limitSeconds,
        acceptedPerSecond: round(perSecond, 1),
        busiestSecond: Math.max(0, ...bySecond.values()),
        firstSendAfterMs: firstAcceptedMs,
        perPersonMs: {
          all: perPerson(seconds * 1000),
          send: perPerson(spent.sendMs),
          pacerWait: perPerson(spent.waitMs),
        },
        accepted: connector.accepted.length,
        throttled: connector.throttled.length,
        unacknowledged: connector.unacknowledged.length,
        report: { sent: report.sent, alreadySent: report.alreadySent, inProgress: report.inProgress, notReached: report.notReached.length },
      },
      notes,
    };
  } finally {
    await connector.close();
    await db.close();
  }
}

export const fanOutCase: BenchCase = {
  name: 'fan-out',
  title: `a reminder to ${PEOPLE} people (1:1) through a Bot Connector with Teams' limits, against the limit's N/50 s`,
  run,
};
