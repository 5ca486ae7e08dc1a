/**
 * The operator's command that puts a municipality's group in (main.ts runs it for `group-setup`);
 * main.ts hands it the opened storage, so the wiring stays there.
 */
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { readGroupSeed } from './adapters/storage/seed-file';
import type { SqlStorage } from './adapters/storage/sql-storage';
import type { Clock } from './app/ports/clock';
import type { Logger } from './app/ports/logger';
import { seedDemoGroup } from './app/seed-demo-group';
import { syncGroupPeople } from './app/sync-group-people';
import { toStockholm } from './domain/stockholm-time';

/**
 * `npm run group-setup -- <file>`: a real group from a file in the seed format — the tenant, the
 * group and its settings, organisations, the strategists and members, goal lists, the meeting
 * pattern — in either mode (docs/deploy.md). Run again with the group there, it adds the file's new
 * people and changes changed roles (sync-group-people.ts); nothing else.
 */
export async function groupSetupCommand(
  deps: { open: () => Promise<SqlStorage>; logger: Logger; clock: Clock },
  args: readonly string[],
): Promise<void> {
  const { logger, clock } = deps;
  const file = args[0];
  if (!file) throw new Error('group-setup needs a file: npm run group-setup -- ./group.json (the format of bot/seed/*.json)');
  const seed = await readGroupSeed(path.resolve(file));
  const storage = await deps.open();
  try {
    const work = { unitOfWork: storage.unitOfWork, clock, ids: randomUUID };
    const year = toStockholm(clock.now()).year;
    const created = await seedDemoGroup(work, seed, [year, year + 1]);
    if (created.created) {
      logger.info({ groupId: created.groupId, tenantId: seed.tenant.id, meetings: created.meetings }, 'group set up');
      return;
    }
    const synced = await syncGroupPeople(work, seed);
    const added = synced?.added ?? [];
    const roleChanged = synced?.roleChanged ?? [];
    // Counts in the log, which keeps no names; the names only on the operator's screen.
    logger.info(
      { groupId: created.groupId, added: added.length, roleChanged: roleChanged.length, unchanged: synced?.unchanged ?? 0 },
      added.length + roleChanged.length > 0
        ? "the group was there: the file's new people added and changed roles changed"
        : 'the group was there and its people match the file: nothing changed',
    );
    if (added.length > 0) process.stdout.write(`added: ${added.join(', ')}\n`);
    if (roleChanged.length > 0) process.stdout.write(`role changed: ${roleChanged.join(', ')}\n`);
  } finally {
    await storage.close();
  }
}
