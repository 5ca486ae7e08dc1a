/**
 * `npm run jobs` on a real embedded database: lists failed, running and next runs with ids and
 * counts only, retries a failed run through the scheduler, and says how to use it when asked wrong.
 */
import { runJobsCommand } from '../../bot/src/jobs-command';
import type { ScheduledRun } from '../../bot/src/app/ports/job-scheduler';
import type { TimedRun } from '../../bot/src/domain/timed-work';
import type { MigratedStorage } from '../support/database';
import { openDemoGroup, type DemoGroup } from '../support/demo-group';
import { fixedClock } from '../support/group-seed-mother';

describe('npm run jobs', () => {
  const clock = fixedClock('2026-03-01T10:00:00Z');
  let demo: DemoGroup;
  let migrated: MigratedStorage;
  const scheduled: ScheduledRun[] = [];
  let stopped = 0;

  const run = (over: Partial<TimedRun>): TimedRun => ({
    tenantId: demo.tenantId,
    key: 'k',
    groupId: demo.groupId,
    meetingId: '',
    kind: 'call-for-proposals',
    subjectId: '',
    runAt: new Date('2026-03-02T08:00:00Z'),
    state: 'scheduled',
    attempts: 0,
    outcome: null,
    lastError: null,
    updatedAt: clock.now(),
    ...over,
  });

  async function jobs(args: string[]): Promise<{ code: number; out: string; err: string }> {
    let out = '';
    let err = '';
    const code = await runJobsCommand(
      {
        repositories: migrated.storage.repositories,
        clock,
        startScheduler: async () => ({
          schedule: async (r: ScheduledRun) => void scheduled.push(r),
          cancel: async () => undefined,
          stop: async () => void (stopped += 1),
        }),
        out: (text) => (out += text),
        err: (text) => (err += text),
      },
      args,
    );
    return { code, out, err };
  }

  beforeAll(async () => {
    demo = await openDemoGroup(clock);
    migrated = demo.migrated;
    const [m1, m2] = (await demo.meetings()).map((m) => m.id) as [string, string];
    const repos = migrated.storage.repositories;
    await repos.timedRuns.save(run({ key: `call-for-proposals:${m2}:2026-02-18`, meetingId: m2, subjectId: m2 }));
    await repos.timedRuns.save(
      run({
        key: `day-before-reminder:${m1}:2026-02-10`,
        meetingId: m1,
        subjectId: m1,
        kind: 'day-before-reminder',
        state: 'failed',
        attempts: 3,
        outcome: { sent: 4, notReached: 1 },
        lastError: 'retries-exhausted',
      }),
    );
  });
  afterAll(() => migrated.db.close());

  it('lists failed, running and next runs, one line each, with counts and no names', async () => {
    const { code, out } = await jobs([]);
    expect(code).toBe(0);
    expect(out).toMatch(
      /^Failed \(1\):\n {2}2026-03-02T08:00:00.000Z {2}failed {5}day-before-reminder .* attempts=3 {2}sent=4 notReached=1 {2}retries-exhausted /m,
    );
    expect(out).toContain('Running (0):\n  none\n');
    expect(out).toMatch(/Next \(1\):\n {2}.*scheduled {2}call-for-proposals/);
    for (const name of demo.people.keys()) expect(out).not.toContain(name);
  });

  it('retries a failed run at once, and refuses one that has not failed', async () => {
    const failedKey = (await migrated.storage.repositories.timedRuns.listByState(['failed'], 5))[0]!.key;
    expect(await jobs(['retry', demo.tenantId, failedKey])).toMatchObject({
      code: 0,
      out: expect.stringContaining('scheduled to run again now'),
    });
    expect(scheduled.map((r) => r.key)).toEqual([failedKey]);
    expect(stopped).toBe(1);
    expect((await migrated.storage.repositories.timedRuns.find(demo.tenantId, failedKey))!.state).toBe('scheduled');
    await expect(jobs(['retry', demo.tenantId, failedKey])).rejects.toMatchObject({ code: 'conflict' });
    expect(stopped).toBe(2); // pg-boss is stopped also when the retry is refused
  });

  it('says how to use it when asked wrong', async () => {
    expect(await jobs(['retry'])).toMatchObject({ code: 2, err: expect.stringContaining('Usage: npm run jobs -- retry') });
    expect(await jobs(['purge'])).toMatchObject({ code: 2, err: expect.stringContaining('Usage') });
    expect(scheduled).toHaveLength(1);
  });
});
