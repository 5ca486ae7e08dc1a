/**
 * The shipped demo group (bot/seed/ekologiska-hallbarhetsgruppen.json) on a fresh embedded
 * database, for use-case tests that need the real shape of a group: names to act as, meetings,
 * and personal chats stored as if people had opened the bot.
 */
import path from 'node:path';
import { readGroupSeed } from '../../bot/src/adapters/storage/seed-file';
import type { Actor } from '../../bot/src/app/find-member';
import type { GroupSeed } from '../../bot/src/app/seed-demo-group';
import { seedDemoGroup } from '../../bot/src/app/seed-demo-group';
import type { Clock } from '../../bot/src/app/ports/clock';
import type { Meeting } from '../../bot/src/domain/meeting';
import { databaseTargets, openMigratedStorage, type MigratedStorage } from './database';
import { sequentialIds } from './group-seed-mother';

export const DEMO_SEED_FILE = path.resolve(__dirname, '../../bot/seed/ekologiska-hallbarhetsgruppen.json');

export interface DemoGroup {
  migrated: MigratedStorage;
  seed: GroupSeed;
  tenantId: string;
  groupId: string;
  /** Name → person id. */
  people: Map<string, string>;
  as(name: string): Actor;
  meetings(): Promise<Meeting[]>;
  /** Stores a personal chat for the person, as the bot does when they open it. */
  openChat(personId: string, conversationId?: string): Promise<void>;
}

/** Seeds the demo group for 2026; `chats` says who has opened the bot (nobody by default). */
export async function openDemoGroup(clock: Clock, chats: (name: string) => boolean = () => false): Promise<DemoGroup> {
  const migrated = await openMigratedStorage(databaseTargets()[0]!);
  const seed = await readGroupSeed(DEMO_SEED_FILE);
  const tenantId = seed.tenant.id;
  const { groupId } = await seedDemoGroup({ unitOfWork: migrated.storage.unitOfWork, clock, ids: sequentialIds('seed') }, seed, [2026]);
  const repos = migrated.storage.repositories;
  const people = new Map((await repos.people.listByGroup(tenantId, groupId)).map((p) => [p.name, p.id]));
  const openChat = async (personId: string, conversationId = `a:${personId}`) =>
    repos.conversations.save({
      tenantId,
      conversationId,
      kind: 'personal',
      personId,
      groupId: null,
      reference: { conversation: { id: conversationId } },
      updatedAt: clock.now(),
    });
  for (const [name, id] of people) if (chats(name)) await openChat(id);
  return {
    migrated,
    seed,
    tenantId,
    groupId,
    people,
    as: (name) => ({ tenantId, personId: people.get(name)! }),
    meetings: () => repos.meetings.listByGroup(tenantId, groupId),
    openChat,
  };
}
