/** A meeting's agenda items against every database: replaced whole, in one transaction, per tenant and meeting. */
import type { Repositories, Tenant } from '../../../bot/src/app/ports/repositories';
import type { AgendaItem } from '../../../bot/src/domain/agenda-item';
import type { Group } from '../../../bot/src/domain/group';
import type { Meeting } from '../../../bot/src/domain/meeting';
import type { Person } from '../../../bot/src/domain/person';
import type { Proposal } from '../../../bot/src/domain/proposal';
import { databaseTargets, openMigratedStorage, type MigratedStorage } from '../../support/database';
import { aMeeting, aPerson, aProposal, id, seedTenantWithGroup } from './storage-fixtures';

describe.each(databaseTargets())('agenda items on $name', (target) => {
  let opened: MigratedStorage;
  let repos: Repositories;
  beforeAll(async () => {
    opened = await openMigratedStorage(target);
    repos = opened.storage.repositories;
  });
  afterAll(() => opened.db.close());

  interface Seeded {
    tenant: Tenant;
    group: Group;
    meeting: Meeting;
    other: Meeting;
    person: Person;
    proposal: Proposal;
  }

  /** A tenant, a group with two meetings, a member and an accepted proposal. */
  async function seed(): Promise<Seeded> {
    const { tenant, group } = await seedTenantWithGroup(repos);
    const meeting = aMeeting(tenant.id, group.id);
    const other = aMeeting(tenant.id, group.id, { startsAt: new Date('2026-04-08T11:00:00Z') });
    await repos.meetings.save(meeting);
    await repos.meetings.save(other);
    const person = aPerson(tenant.id);
    await repos.people.save(person);
    const proposal = aProposal(tenant.id, group.id, person.id, { meetingId: meeting.id, status: 'accepted' });
    await repos.proposals.save(proposal);
    return { tenant, group, meeting, other, person, proposal };
  }

  function anItem(s: Pick<Seeded, 'tenant' | 'group' | 'meeting'>, position: number, overrides: Partial<AgendaItem> = {}): AgendaItem {
    return {
      id: id(),
      tenantId: s.tenant.id,
      groupId: s.group.id,
      meetingId: s.meeting.id,
      position,
      title: `Punkt ${position}`,
      durationMinutes: 10,
      presenterPersonId: null,
      proposalId: null,
      standing: false,
      ...overrides,
    };
  }

  /** Three items: a standing one, one from the proposal with its proposer presenting, a free one. */
  function threeItems(s: Seeded): AgendaItem[] {
    return [
      anItem(s, 1, { title: 'Mötet öppnas', durationMinutes: 5, standing: true }),
      anItem(s, 2, {
        title: 'Skolgårdar – "svalare" med träd',
        durationMinutes: 25,
        presenterPersonId: s.person.id,
        proposalId: s.proposal.id,
      }),
      anItem(s, 3, { title: 'Övriga frågor', durationMinutes: 480 }),
    ];
  }

  const rowCount = async (tenantId: string) =>
    (await opened.db.query<{ count: number }>('SELECT count(*) AS count FROM agenda_item WHERE tenant_id = $1', [tenantId]))[0]!.count;

  it('stores every field and lists the items in position order, whatever order they were given in', async () => {
    const s = await seed();
    const items = threeItems(s);
    await repos.agendaItems.replaceForMeeting(s.tenant.id, s.meeting.id, [items[2]!, items[0]!, items[1]!]);
    expect(await repos.agendaItems.listByMeeting(s.tenant.id, s.meeting.id)).toEqual(items);
    expect(await repos.agendaItems.listByMeeting(s.tenant.id, s.other.id)).toEqual([]);
  });

  it('inserts new items, updates kept ones and deletes the rest, in one call', async () => {
    const s = await seed();
    const [open, fromProposal, other] = threeItems(s) as [AgendaItem, AgendaItem, AgendaItem];
    await repos.agendaItems.replaceForMeeting(s.tenant.id, s.meeting.id, [open, fromProposal, other]);

    const changed: AgendaItem = {
      ...fromProposal,
      position: 1,
      title: 'Skolgårdar (beslut)',
      durationMinutes: 30,
      presenterPersonId: null,
      proposalId: null,
      standing: true,
    };
    const added = anItem(s, 3, { title: 'Gäst från Energi AB', presenterPersonId: s.person.id });
    const next = [changed, { ...open, position: 2 }, added];
    await repos.agendaItems.replaceForMeeting(s.tenant.id, s.meeting.id, next);
    expect(await repos.agendaItems.listByMeeting(s.tenant.id, s.meeting.id)).toEqual(next);
    // "Övriga frågor" is gone for good, not just out of the list.
    expect(await opened.db.query('SELECT id FROM agenda_item WHERE tenant_id = $1 AND id = $2', [s.tenant.id, other.id])).toEqual([]);
  });

  it('swaps and reverses positions in one transaction (the unique position is checked at commit)', async () => {
    const s = await seed();
    const items = Array.from({ length: 6 }, (_, n) => anItem(s, n + 1));
    await repos.agendaItems.replaceForMeeting(s.tenant.id, s.meeting.id, items);

    const swapped = [{ ...items[1]!, position: 1 }, { ...items[0]!, position: 2 }, ...items.slice(2)];
    await repos.agendaItems.replaceForMeeting(s.tenant.id, s.meeting.id, swapped);
    expect((await repos.agendaItems.listByMeeting(s.tenant.id, s.meeting.id)).map((i) => i.id)).toEqual(swapped.map((i) => i.id));

    const reversed = [...items].reverse().map((item, n) => ({ ...item, position: n + 1 }));
    await repos.agendaItems.replaceForMeeting(s.tenant.id, s.meeting.id, reversed);
    expect(await repos.agendaItems.listByMeeting(s.tenant.id, s.meeting.id)).toEqual(reversed);

    // A new item taking the place of a deleted one, at the same position.
    const replaced = [...reversed.slice(0, 5), anItem(s, 6, { title: 'Ny sista punkt' })];
    await repos.agendaItems.replaceForMeeting(s.tenant.id, s.meeting.id, replaced);
    expect(await repos.agendaItems.listByMeeting(s.tenant.id, s.meeting.id)).toEqual(replaced);
  });

  it('refuses two items at one position at commit, and keeps the agenda it had', async () => {
    const s = await seed();
    const items = threeItems(s);
    await repos.agendaItems.replaceForMeeting(s.tenant.id, s.meeting.id, items);
    const clash = [{ ...items[0]!, position: 2 }, items[1]!, anItem(s, 3)];
    await expect(repos.agendaItems.replaceForMeeting(s.tenant.id, s.meeting.id, clash)).rejects.toMatchObject({ code: '23505' });
    expect(await repos.agendaItems.listByMeeting(s.tenant.id, s.meeting.id)).toEqual(items);
  });

  it.each<[string, string, (s: Seeded) => Partial<AgendaItem>]>([
    ['a blank title', '23514', () => ({ title: '   ' })],
    ['a length of 0 minutes', '23514', () => ({ durationMinutes: 0 })],
    ['a length over 480 minutes', '23514', () => ({ durationMinutes: 481 })],
    ['position 0', '23514', () => ({ position: 0 })],
    ['an unknown presenter', '23503', () => ({ presenterPersonId: id() })],
    ['an unknown proposal', '23503', () => ({ proposalId: id() })],
  ])('rolls the whole replacement back when one row is refused (%s)', async (_name, code, bad) => {
    const s = await seed();
    const items = threeItems(s);
    await repos.agendaItems.replaceForMeeting(s.tenant.id, s.meeting.id, items);
    // The first item dropped (a delete), the second changed (an update), the last row refused.
    const next = [{ ...items[1]!, position: 1, title: 'Ändrad' }, { ...items[2]!, position: 2 }, anItem(s, 3, bad(s))];
    await expect(repos.agendaItems.replaceForMeeting(s.tenant.id, s.meeting.id, next)).rejects.toMatchObject({ code });
    expect(await repos.agendaItems.listByMeeting(s.tenant.id, s.meeting.id)).toEqual(items);
  });

  it('refuses items of another meeting or tenant before writing anything', async () => {
    const s = await seed();
    const items = threeItems(s);
    await repos.agendaItems.replaceForMeeting(s.tenant.id, s.meeting.id, items);
    const strays: AgendaItem[] = [
      { ...anItem(s, 1), meetingId: s.other.id },
      { ...anItem(s, 1), tenantId: 'another-tenant' },
    ];
    for (const stray of strays) {
      await expect(repos.agendaItems.replaceForMeeting(s.tenant.id, s.meeting.id, [stray])).rejects.toThrow(/belong to the meeting/);
    }
    expect(await repos.agendaItems.listByMeeting(s.tenant.id, s.meeting.id)).toEqual(items);
  });

  it("never moves or changes another meeting's item, even when given its id", async () => {
    const s = await seed();
    const theirs = anItem({ ...s, meeting: s.other }, 1, { title: 'Annat möte' });
    await repos.agendaItems.replaceForMeeting(s.tenant.id, s.other.id, [theirs]);
    const mine = anItem(s, 1, { id: theirs.id, title: 'Kapad' });
    // Refusing is fine; what must not happen is the other meeting's row changing or moving here.
    await repos.agendaItems.replaceForMeeting(s.tenant.id, s.meeting.id, [mine]).catch(() => undefined);
    expect(await repos.agendaItems.listByMeeting(s.tenant.id, s.other.id)).toEqual([theirs]);
    expect((await repos.agendaItems.listByMeeting(s.tenant.id, s.meeting.id)).map((i) => i.id)).not.toContain(theirs.id);
  });

  it('does not report an agenda it did not store: an item id of another meeting is refused, not skipped', async () => {
    const s = await seed();
    const theirs = anItem({ ...s, meeting: s.other }, 1, { title: 'Annat möte' });
    await repos.agendaItems.replaceForMeeting(s.tenant.id, s.other.id, [theirs]);
    const mine = [anItem(s, 1, { title: 'Egen punkt' }), anItem(s, 2, { id: theirs.id, title: 'Kapad' })];
    // Resolving would promise "exactly these items", yet the second cannot be stored here.
    await expect(repos.agendaItems.replaceForMeeting(s.tenant.id, s.meeting.id, mine)).rejects.toThrow();
    expect(await repos.agendaItems.listByMeeting(s.tenant.id, s.meeting.id)).toEqual([]);
  });

  it('empties an agenda with an empty list, and leaves the other meeting alone', async () => {
    const s = await seed();
    await repos.agendaItems.replaceForMeeting(s.tenant.id, s.meeting.id, threeItems(s));
    const theirs = [anItem({ ...s, meeting: s.other }, 1)];
    await repos.agendaItems.replaceForMeeting(s.tenant.id, s.other.id, theirs);
    await repos.agendaItems.replaceForMeeting(s.tenant.id, s.meeting.id, []);
    expect(await repos.agendaItems.listByMeeting(s.tenant.id, s.meeting.id)).toEqual([]);
    expect(await repos.agendaItems.listByMeeting(s.tenant.id, s.other.id)).toEqual(theirs);
  });

  it('keeps tenants apart: the same meeting and item ids in another tenant are other rows', async () => {
    const a = await seed();
    const b = await seed();
    const itemsA = threeItems(a);
    await repos.agendaItems.replaceForMeeting(a.tenant.id, a.meeting.id, itemsA);

    // Tenant b asks for, and replaces, tenant a's meeting: sees nothing and deletes nothing.
    expect(await repos.agendaItems.listByMeeting(b.tenant.id, a.meeting.id)).toEqual([]);
    await repos.agendaItems.replaceForMeeting(b.tenant.id, a.meeting.id, []);
    expect(await repos.agendaItems.listByMeeting(a.tenant.id, a.meeting.id)).toEqual(itemsA);

    // The same item ids in tenant b (ids are unique per tenant only) leave tenant a's rows as they were.
    const itemsB = itemsA.map((item, n) => ({
      ...item,
      tenantId: b.tenant.id,
      groupId: b.group.id,
      meetingId: b.meeting.id,
      title: `B ${n}`,
      presenterPersonId: null,
      proposalId: null,
      position: 3 - n,
    }));
    await repos.agendaItems.replaceForMeeting(b.tenant.id, b.meeting.id, itemsB);
    expect(await repos.agendaItems.listByMeeting(b.tenant.id, b.meeting.id)).toEqual([...itemsB].reverse());
    expect(await repos.agendaItems.listByMeeting(a.tenant.id, a.meeting.id)).toEqual(itemsA);
    expect([await rowCount(a.tenant.id), await rowCount(b.tenant.id)]).toEqual([3, 3]);
  });

  it('runs inside a unit of work: rolled back with it', async () => {
    const s = await seed();
    const items = threeItems(s);
    await repos.agendaItems.replaceForMeeting(s.tenant.id, s.meeting.id, items);
    const failure = new Error('the revision check failed after the write');
    await expect(
      opened.storage.unitOfWork.transaction(async (tx) => {
        await tx.agendaItems.replaceForMeeting(s.tenant.id, s.meeting.id, [anItem(s, 1, { title: 'Skrivet och ångrat' })]);
        expect(await tx.agendaItems.listByMeeting(s.tenant.id, s.meeting.id)).toHaveLength(1);
        throw failure;
      }),
    ).rejects.toBe(failure);
    expect(await repos.agendaItems.listByMeeting(s.tenant.id, s.meeting.id)).toEqual(items);
  });
});
