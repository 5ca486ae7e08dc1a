/**
 * A crowd for fan-out tests: `n` delegates added to a group, each with a personal chat stored as
 * if they had opened the bot, its serviceUrl pointing at a Bot Connector stand-in. And a timed run
 * put in place by hand, as the planner would, so a test decides when it comes due.
 */
import type { Repositories } from '../../bot/src/app/ports/repositories';

export async function addCrowd(
  repos: Repositories,
  at: { tenantId: string; groupId: string; serviceUrl: string; n: number; now: Date },
): Promise<string[]> {
  const conversations: string[] = [];
  for (let i = 1; i <= at.n; i += 1) {
    const personId = `crowd-${i}`;
    const conversationId = `a:crowd-${i}`;
    await repos.people.save({
      id: personId,
      tenantId: at.tenantId,
      aadObjectId: null,
      name: `Delegat ${i}`,
      email: `delegat${i}@crowd.example`,
      organisationId: null,
    });
    await repos.memberships.save({ tenantId: at.tenantId, groupId: at.groupId, personId, role: 'delegate' });
    await repos.conversations.save({
      tenantId: at.tenantId,
      conversationId,
      kind: 'personal',
      personId,
      groupId: null,
      reference: {
        serviceUrl: at.serviceUrl,
        channelId: 'msteams',
        conversation: { id: conversationId, conversationType: 'personal', tenantId: at.tenantId },
        bot: { id: '28:arbetsrum', name: 'Arbetsrum' },
        user: { id: `29:crowd-${i}`, name: `Delegat ${i}` },
      },
      updatedAt: at.now,
    });
    conversations.push(conversationId);
  }
  return conversations;
}

/** The call for proposals for `meetingId` as a run due at `runAt`, recorded as the planner records it. */
export async function recordCallForProposalsRun(
  repos: Repositories,
  at: { tenantId: string; groupId: string; meetingId: string; runAt: Date },
): Promise<string> {
  const key = `call-for-proposals:${at.meetingId}:test`;
  await repos.timedRuns.save({
    tenantId: at.tenantId,
    key,
    groupId: at.groupId,
    meetingId: at.meetingId,
    kind: 'call-for-proposals',
    subjectId: at.meetingId,
    runAt: at.runAt,
    state: 'scheduled',
    attempts: 0,
    outcome: null,
    lastError: null,
    updatedAt: at.runAt,
  });
  return key;
}
