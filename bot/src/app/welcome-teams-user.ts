/**
 * What the bot says when it is installed, when someone opens the chat or asks for help: who they
 * are to the group, what is next, or — for someone the group does not know — whom to ask.
 * The conversation is remembered so that the bot can write to it later.
 */
import type { ConversationKind } from '../domain/conversation';
import type { Role } from '../domain/membership';
import { nextMeeting } from '../domain/meeting';
import { describeMeeting, type MeetingView } from './describe-meeting';
import { identifyPerson } from './identify-person';
import type { Clock } from './ports/clock';
import type { Repositories } from './ports/repositories';

export interface WelcomeInput {
  tenantId: string;
  user: { aadObjectId?: string | null; email?: string | null; name?: string | null };
  conversation: { id: string; kind: ConversationKind; reference: unknown; teamId?: string | null; m365GroupId?: string | null };
}

export interface GroupWelcome {
  groupId: string;
  groupName: string;
  role: Role;
  nextMeeting: MeetingView | null;
}

export type WelcomeView =
  | { kind: 'member'; personName: string; groups: GroupWelcome[] }
  | { kind: 'team'; groupName: string | null }
  | { kind: 'unknown'; contacts: { name: string; email: string }[] };

export interface WelcomeDeps {
  repositories: Repositories;
  clock: Clock;
}

export async function welcomeTeamsUser(deps: WelcomeDeps, input: WelcomeInput): Promise<WelcomeView> {
  const { repositories: repos, clock } = deps;
  const person = await identifyPerson(repos.people, { tenantId: input.tenantId, ...input.user });
  const team = input.conversation.teamId ? await repos.groups.findByTeamId(input.tenantId, input.conversation.teamId) : null;
  // The group's library and calendar are found through the team's Microsoft 365 group: learn it
  // from the first activity in the team that names it, unless the group's data already says.
  const m365GroupId = input.conversation.m365GroupId;
  if (team && m365GroupId && !team.m365GroupId) await repos.groups.save({ ...team, m365GroupId });

  await repos.conversations.save({
    tenantId: input.tenantId,
    conversationId: input.conversation.id,
    kind: input.conversation.kind,
    personId: input.conversation.kind === 'personal' ? (person?.id ?? null) : null,
    groupId: team?.id ?? null,
    reference: input.conversation.reference,
    updatedAt: clock.now(),
  });

  if (input.conversation.kind !== 'personal') {
    return { kind: 'team', groupName: team?.name ?? null };
  }
  if (!person) {
    return { kind: 'unknown', contacts: await strategistContacts(repos, input.tenantId) };
  }

  const memberships = await repos.memberships.listByPerson(input.tenantId, person.id);
  const groups: GroupWelcome[] = [];
  for (const membership of memberships) {
    const group = await repos.groups.find(input.tenantId, membership.groupId);
    if (!group) continue;
    const [meetings, people] = await Promise.all([
      repos.meetings.listByGroup(input.tenantId, group.id),
      repos.people.listByGroup(input.tenantId, group.id),
    ]);
    const next = nextMeeting(meetings, clock.now());
    groups.push({
      groupId: group.id,
      groupName: group.name,
      role: membership.role,
      nextMeeting: next ? describeMeeting(next, new Map(people.map((p) => [p.id, p]))) : null,
    });
  }
  if (groups.length === 0) {
    return { kind: 'unknown', contacts: await strategistContacts(repos, input.tenantId) };
  }
  return { kind: 'member', personName: person.name, groups };
}

/** The strategists of every group in the tenant: the people who can add someone. */
async function strategistContacts(repos: Repositories, tenantId: string): Promise<{ name: string; email: string }[]> {
  const contacts = new Map<string, { name: string; email: string }>();
  for (const group of await repos.groups.listByTenant(tenantId)) {
    const [memberships, people] = await Promise.all([
      repos.memberships.listByGroup(tenantId, group.id),
      repos.people.listByGroup(tenantId, group.id),
    ]);
    const strategists = new Set(memberships.filter((m) => m.role === 'strategist').map((m) => m.personId));
    for (const p of people) if (strategists.has(p.id)) contacts.set(p.id, { name: p.name, email: p.email });
  }
  return [...contacts.values()];
}
