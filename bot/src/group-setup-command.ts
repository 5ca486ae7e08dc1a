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
  deps: {
    open: () => Promise<SqlStorage>;
    logger: Logger;
    clock: Clock;
    /** Production: the service's tenant (MicrosoftAppTenantId). A group in another tenant would never be found. */
    tenantId?: string;
    /** Where the operator reads what changed, by name (the log keeps counts only). */
    out?: (line: string) => void;
  },
  args: readonly string[],
): Promise<void> {
  const { logger, clock } = deps;
  const out = deps.out ?? ((line: string) => process.stdout.write(`${line}\n`));
  const file = args[0];
  if (!file) throw new Error('group-setup needs a file: npm run group-setup -- ./group.json (the format of bot/seed/*.json)');
  const seed = await readGroupSeed(path.resolve(file));
  if (deps.tenantId && seed.tenant.id !== deps.tenantId) {
    throw new Error(
      `the group file's tenant.id (${seed.tenant.id}) is not this service's tenant (MicrosoftAppTenantId ${deps.tenantId}): the bot and the tab would never find the group`,
    );
  }
  const storage = await deps.open();
  try {
    const work = { unitOfWork: storage.unitOfWork, clock, ids: randomUUID };
    const year = toStockholm(clock.now()).year;
    // From today on: a group set up in November gets no invitations to February's meeting.
    const created = await seedDemoGroup(work, seed, [year, year + 1], clock.now());
    if (created.created) {
      logger.info({ groupId: created.groupId, tenantId: seed.tenant.id, meetings: created.meetings }, 'group set up');
      // The dates on the operator's screen, in Stockholm time, to check against the group's plans.
      const meetings = await storage.repositories.meetings.listByGroup(seed.tenant.id, created.groupId);
      const when = (d: Date) => {
        const t = toStockholm(d);
        const two = (n: number) => String(n).padStart(2, '0');
        return `${t.year}-${two(t.month)}-${two(t.day)} ${two(t.hour)}:${two(t.minute)}`;
      };
      out(
        meetings.length > 0
          ? `planned: ${meetings.map((m) => when(m.startsAt)).join(', ')}`
          : 'planned: no meetings (none left this year or next)',
      );
      return;
    }
    const synced = await syncGroupPeople(work, seed);
    if (!synced) return;
    const changes = synced.organisationsAdded.length + synced.added.length + synced.roleChanged.length + synced.organisationChanged.length;
    // Counts in the log, which keeps no names; the names only on the operator's screen.
    logger.info(
      {
        groupId: created.groupId,
        organisationsAdded: synced.organisationsAdded.length,
        added: synced.added.length,
        roleChanged: synced.roleChanged.length,
        organisationChanged: synced.organisationChanged.length,
        unchanged: synced.unchanged,
      },
      changes > 0
        ? "the group was there: the group file's changes to its people applied"
        : 'the group was there and its people match the group file: nothing changed',
    );
    const lines: [string, string[]][] = [
      ['organisation added', synced.organisationsAdded],
      ['added', synced.added],
      ['role changed', synced.roleChanged],
      ['organisation changed', synced.organisationChanged],
    ];
    for (const [what, names] of lines) if (names.length > 0) out(`${what}: ${names.join(', ')}`);
    for (const line of synced.ignored) out(`not changed: ${line}`);
    // Only people, roles and organisations follow the file; say so when the rest may differ.
    out('group settings, goals and meetings are not changed by a re-run: meetings and local goals are changed in the tab (Mötesplan, Mål)');
  } finally {
    await storage.close();
  }
}

/** The command as the operator runs it: a wrong file is theirs to fix, so its message without a stack trace, and exit code 2. */
export async function runGroupSetup(deps: Parameters<typeof groupSetupCommand>[0], args: readonly string[]): Promise<number> {
  try {
    await groupSetupCommand(deps, args);
    return 0;
  } catch (error) {
    process.stderr.write(`group-setup: ${error instanceof Error ? error.message : String(error)}\n`);
    return 2;
  }
}
