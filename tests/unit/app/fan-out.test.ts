/**
 * The fan-out on its own, on a real embedded database with a fake messenger and clock: pacing
 * under Teams' 50/s, sends in flight at once, exact backoff, a 429 holding every send, and two
 * runs at once sending to no one twice.
 */
import { fanOut, MAX_ATTEMPTS, Pacer, type Recipient } from '../../../bot/src/app/fan-out';
import type { Messenger } from '../../../bot/src/app/ports/messenger';
import type { CallForProposalsNotice } from '../../../bot/src/app/ports/messenger';
import { seedDemoGroup } from '../../../bot/src/app/seed-demo-group';
import { databaseTargets, openMigratedStorage, type MigratedStorage } from '../../support/database';
import { FakeMailer, FakeMessenger, FakeWaiter } from '../../support/fake-messenger';
import { aGroupSeed, fixedClock, sequentialIds, TENANT } from '../../support/group-seed-mother';

describe('fan-out', () => {
  let migrated: MigratedStorage;
  let groupId = '';
  const clock = fixedClock('2026-01-10T09:00:00Z');
  const notice = {} as CallForProposalsNotice; // the fake messenger only records it
  let run = 0;

  beforeAll(async () => {
    migrated = await openMigratedStorage(databaseTargets()[0]!);
    groupId = (await seedDemoGroup({ unitOfWork: migrated.storage.unitOfWork, clock, ids: sequentialIds('seed') }, aGroupSeed(), [2026]))
      .groupId;
  });
  afterAll(() => migrated.db.close());

  const recipients = (count: number): Recipient[] =>
    Array.from({ length: count }, (_, i) => ({
      target: `person:p${i}`,
      name: `Person ${i}`,
      conversation: {
        tenantId: TENANT,
        conversationId: `a:p${i}`,
        kind: 'personal',
        personId: `p${i}`,
        groupId: null,
        reference: {},
        updatedAt: clock.now(),
      },
    }));

  function setup() {
    run += 1;
    const messenger = new FakeMessenger(() => clock.now());
    const waiter = new FakeWaiter(clock);
    const deps = { repositories: migrated.storage.repositories, clock, ids: sequentialIds(`run${run}`), messenger, waiter };
    return { deps, messenger, waiter, job: { tenantId: TENANT, groupId, kind: 'test', subjectId: `subject-${run}`, notice } };
  }

  it("paces 120 messages at Teams' 50 a second per tenant", async () => {
    const { deps, messenger, job } = setup();
    const report = await fanOut(deps, new Pacer(), { ...job, recipients: recipients(120) });
    expect(report.sent).toBe(120);
    const times = messenger.sent.map((s) => s.at);
    const busiestSecond = Math.max(...times.map((t) => times.filter((u) => u >= t && u < t + 1000).length));
    expect(busiestSecond).toBe(50);
    expect(times.at(-1)! - times[0]!).toBeGreaterThanOrEqual(2000); // 120 messages need more than two seconds
  });

  it('tells how far it has come every 25 recipients', async () => {
    const { deps, job } = setup();
    const seen: number[] = [];
    const report = await fanOut({ ...deps, progress: async (so) => void seen.push(so.sent) }, new Pacer(), {
      ...job,
      recipients: recipients(60),
    });
    expect(report.sent).toBe(60);
    expect(seen).toEqual([25, 50]);
  });

  it('backs off exponentially with jitter between transient failures, then gives up', async () => {
    const { deps, messenger, waiter, job } = setup();
    messenger.script.set(
      'a:p0',
      Array.from({ length: MAX_ATTEMPTS }, () => ({ outcome: 'retry' as const, retryAfterMs: null, detail: '503' })),
    );
    const report = await fanOut(deps, new Pacer(), { ...job, recipients: recipients(1) });
    expect(report.notReached).toEqual([{ target: 'person:p0', name: 'Person 0', reason: 'retries-exhausted' }]);
    expect(waiter.waits).toEqual([500, 1000]); // random() is 0.5: half of 1 s, then of 2 s
  });

  it('caps a huge Retry-After at a minute', async () => {
    const { deps, messenger, waiter, job } = setup();
    messenger.script.set('a:p0', [{ outcome: 'retry', retryAfterMs: 3_600_000, detail: '429' }]);
    await fanOut(deps, new Pacer(), { ...job, recipients: recipients(1) });
    expect(waiter.waits).toEqual([60_000]);
  });

  it('sends to no one twice when two runs of the same message overlap', async () => {
    const { deps, messenger, job } = setup();
    const pacer = new Pacer();
    const [first, second] = await Promise.all([
      fanOut(deps, pacer, { ...job, recipients: recipients(20) }),
      fanOut({ ...deps, ids: sequentialIds(`run${run}-b`) }, pacer, { ...job, recipients: recipients(20) }),
    ]);
    expect(messenger.sent).toHaveLength(20);
    expect(new Set(messenger.sent.map((s) => s.conversationId)).size).toBe(20);
    expect(first.sent + second.sent).toBe(20);
    expect(first.sent + first.alreadySent + first.inProgress).toBe(20);
  });

  it('takes over a delivery whose sender died, once its lease has run out', async () => {
    const { deps, messenger, job } = setup();
    const key = `test:${job.subjectId}:person:p0`;
    await deps.repositories.deliveries.claim({
      id: 'dead',
      tenantId: TENANT,
      groupId,
      kind: 'test',
      target: 'person:p0',
      deliveryKey: key,
      updatedAt: clock.now(),
    });
    expect(await deps.repositories.deliveries.lease(TENANT, key, clock.now(), new Date(clock.now().getTime() + 60_000))).not.toBeNull();
    const busy = await fanOut(deps, new Pacer(), { ...job, recipients: recipients(1) });
    expect(busy).toMatchObject({ sent: 0, inProgress: 1 });
    clock.set(new Date(clock.now().getTime() + 61_000).toISOString());
    const takenOver = await fanOut(deps, new Pacer(), { ...job, recipients: recipients(1) });
    expect(takenOver).toMatchObject({ sent: 1, inProgress: 0 });
    expect(messenger.sent).toHaveLength(1);
  });

  /** A messenger whose sends stay open until `release()`: shows how many are in flight at once. */
  function heldMessenger(inner: FakeMessenger) {
    let open = 0;
    let most = 0;
    const waiting: (() => void)[] = [];
    const messenger: Messenger = {
      send: async (conversation, notice) => {
        open += 1;
        most = Math.max(most, open);
        await new Promise<void>((resolve) => waiting.push(resolve));
        open -= 1;
        return inner.send(conversation, notice);
      },
      update: (conversation, messageId, notice) => inner.update(conversation, messageId, notice),
    };
    const release = () => waiting.splice(0).forEach((resolve) => resolve());
    return { messenger, release, most: () => most, open: () => open };
  }

  it('keeps as many sends in flight as asked, still at most 50 a second', async () => {
    const IN_FLIGHT = 10;
    const { deps, messenger: inner, job } = setup();
    const held = heldMessenger(inner);
    const running = fanOut({ ...deps, messenger: held.messenger, inFlight: IN_FLIGHT }, new Pacer(), {
      ...job,
      recipients: recipients(120),
    });
    // Let every worker reach its send before any answer comes back.
    for (let i = 0; i < 200 && held.open() < IN_FLIGHT; i += 1) await new Promise((resolve) => setImmediate(resolve));
    expect(held.open()).toBe(IN_FLIGHT);
    const releasing = setInterval(held.release, 1);
    const report = await running.finally(() => clearInterval(releasing));
    expect(report.sent).toBe(120);
    expect(held.most()).toBe(IN_FLIGHT);
    const times = inner.sent.map((s) => s.at).sort((a, b) => a - b);
    const busiestSecond = Math.max(...times.map((t) => times.filter((u) => u >= t && u < t + 1000).length));
    expect(busiestSecond).toBeLessThanOrEqual(50);
  });

  it('sends one after another by default', async () => {
    const { deps, messenger: inner, job } = setup();
    const held = heldMessenger(inner);
    const releasing = setInterval(held.release, 1);
    const report = await fanOut({ ...deps, messenger: held.messenger }, new Pacer(), {
      ...job,
      recipients: recipients(5),
    }).finally(() => clearInterval(releasing));
    expect(report.sent).toBe(5);
    expect(held.most()).toBe(1);
    expect(inner.sent.map((s) => s.conversationId)).toEqual(['a:p0', 'a:p1', 'a:p2', 'a:p3', 'a:p4']);
  });

  it("holds every send for a 429's Retry-After, not only the refused one", async () => {
    const { deps, messenger, job } = setup();
    messenger.script.set('a:p0', [{ outcome: 'retry', retryAfterMs: 5_000, detail: '429' }]);
    const started = clock.now().getTime();
    const report = await fanOut({ ...deps, inFlight: 10 }, new Pacer(), { ...job, recipients: recipients(30) });
    expect(report.sent).toBe(30);
    // p0 was the first send, refused with 429: nothing went out in the next five seconds.
    expect(messenger.sent.filter((s) => s.at < started + 5_000)).toEqual([]);
  });

  it('takes no one more after a failure, lets the sends in flight finish, and throws it', async () => {
    const { deps, messenger, job } = setup();
    const notices = async (recipient: Recipient) => {
      if (recipient.target === 'person:p3') throw new Error('the card could not be built');
      return notice;
    };
    await expect(fanOut({ ...deps, inFlight: 4 }, new Pacer(), { ...job, notice: notices, recipients: recipients(40) })).rejects.toThrow(
      'the card could not be built',
    );
    // p3 failed while at most three others were on their way: far from all 40 went.
    expect(messenger.sent.length).toBeGreaterThanOrEqual(3);
    expect(messenger.sent.length).toBeLessThan(10);
  });

  it('mails whoever Teams cannot reach, once, and tells who is left when mail fails too', async () => {
    const { deps, messenger, job } = setup();
    const mailer = new FakeMailer();
    mailer.script.set('p2@kommun.example', { outcome: 'failed', detail: '400 ErrorInvalidRecipients' });
    const list = recipients(4).map((r, i) => ({
      ...r,
      email: i === 3 ? null : `p${i}@kommun.example`,
      conversation: i === 0 ? r.conversation : null,
    }));
    messenger.script.set('a:p0', [{ outcome: 'unreachable', reason: 'blocked-or-uninstalled', detail: '403' }]);
    const report = await fanOut({ ...deps, mailer }, new Pacer(), { ...job, recipients: list });
    expect(mailer.mailed.map((m) => m.email)).toEqual(['p0@kommun.example', 'p1@kommun.example']);
    expect(report.mailed).toEqual([
      { target: 'person:p0', name: 'Person 0', reason: 'blocked-or-uninstalled' },
      { target: 'person:p1', name: 'Person 1', reason: 'no-conversation' },
    ]);
    expect(report.notReached.map((n) => n.name)).toEqual(['Person 2', 'Person 3']);
    const again = await fanOut({ ...deps, mailer }, new Pacer(), { ...job, recipients: list });
    expect(mailer.mailed).toHaveLength(2); // no second mail
    // Person 0 can be reached in Teams now, and is; Person 1's mail went in the first run.
    expect(again).toMatchObject({ sent: 1, mailed: [{ name: 'Person 1' }] });
  });
});
