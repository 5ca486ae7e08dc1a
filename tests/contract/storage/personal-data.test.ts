/**
 * One person's records on every database: the export holds theirs and no one else's; erasure
 * removes what is not public record, keeps published minutes as they were published, and leaves
 * the person row without name, mail or Entra id. A guard lists every column that points at a
 * person, so a new one fails here until sql-personal-data.ts has been thought through for it.
 */
import { randomUUID } from 'node:crypto';
import { readGroupSeed } from '../../../bot/src/adapters/storage/seed-file';
import { eraseMember, ERASED_PERSON_NAME } from '../../../bot/src/app/erase-member';
import { exportMyData } from '../../../bot/src/app/export-my-data';
import { AppError } from '../../../bot/src/app/errors';
import { seedDemoGroup } from '../../../bot/src/app/seed-demo-group';
import { databaseTargets, openMigratedStorage, type MigratedStorage } from '../../support/database';
import { DEMO_SEED_FILE } from '../../support/demo-group';
import { sequentialIds } from '../../support/group-seed-mother';

const clock = { now: () => new Date('2026-03-01T10:00:00Z') };

/** Every column that names a person, and where sql-personal-data.ts deals with it. */
const PERSON_COLUMNS = [
  'action_item.owner_person_id', // exported; open actions unassigned
  'action_status_report.person_id', // exported; erased
  'agenda_item.presenter_person_id', // unassigned where the minutes are not published
  'attendance.person_id', // exported; erased where the minutes are not published
  'attendance.substitute_for_person_id', // kept: points at the (now nameless) row
  'audit_event.actor_person_id', // exported; kept: points at the (now nameless) row
  'call_response.person_id', // exported; erased
  'competence_suggestion.suggested_by_person_id', // exported; kept (the group's material), the suggester nameless
  'competence_vote.person_id', // exported; erased
  'conversation_reference.person_id', // exported; erased
  'meeting.chair_person_id', // strategists only, and they cannot be erased
  'membership.person_id', // exported; erased
  'minutes.published_by_person_id', // public record
  'minutes.updated_by_person_id', // points at the (now nameless) row
  'minutes_approval.person_id', // exported; erased on unpublished versions
  'minutes_comment.person_id', // exported; erased on unpublished versions
  'proposal.proposer_person_id', // exported; kept (the group's material), the proposer nameless
  'publication.published_by_person_id', // public record
  're_report.person_id', // exported; kept (part of the published minutes' follow-up)
  'sub_group.convenor_person_id', // exported; emptied (the strategists name another convenor)
  'sub_group_member.person_id', // exported; erased
  'tip.sender_person_id', // exported; erased unless a proposal was made of it (then kept with it, the sender nameless)
];

describe.each(databaseTargets())('personal data on $name', (target) => {
  let opened: MigratedStorage;
  let tenantId: string;
  let groupId: string;
  const people = new Map<string, string>();
  let futureMeeting: string;
  let publishedMeeting: string;

  const sql = <R>(text: string, params: unknown[] = []) => opened.db.query<R>(text, params);

  beforeAll(async () => {
    opened = await openMigratedStorage(target);
    const seed = await readGroupSeed(DEMO_SEED_FILE);
    const deps = { unitOfWork: opened.storage.unitOfWork, clock, ids: sequentialIds('pd') };
    groupId = (await seedDemoGroup(deps, seed, [2026])).groupId;
    tenantId = seed.tenant.id;
    for (const row of await sql<{ id: string; name: string }>('SELECT id, name FROM person WHERE tenant_id = $1', [tenantId]))
      people.set(row.name, row.id);
    const meetings = await sql<{ id: string; starts_at: Date }>(
      'SELECT id, starts_at FROM meeting WHERE tenant_id = $1 AND group_id = $2 ORDER BY starts_at',
      [tenantId, groupId],
    );
    publishedMeeting = meetings.find((m) => m.starts_at < clock.now())!.id;
    futureMeeting = meetings.find((m) => m.starts_at > clock.now())!.id;

    const karin = people.get('Karin Berg')!;
    const sara = people.get('Sara Nilsson')!;
    const at = clock.now();
    // Karin's records, and one of Sara's of each kind that must stay out of Karin's export.
    for (const [who, title] of [
      [karin, 'Karins förslag om cykelparkering'],
      [sara, 'Saras förslag om skolmat'],
    ] as const) {
      await sql(
        `INSERT INTO proposal (tenant_id, id, group_id, title, description, kind, proposer_person_id, minutes_needed, status, created_at)
         VALUES ($1, $2, $3, $4, 'Beskrivning', 'diskussion', $5, 15, 'submitted', $6)`,
        [tenantId, randomUUID(), groupId, title, who, at],
      );
      await sql(
        `INSERT INTO call_response (tenant_id, group_id, meeting_id, person_id, answer, at) VALUES ($1, $2, $3, $4, 'nothing-to-propose', $5)`,
        [tenantId, groupId, futureMeeting, who, at],
      );
      await sql(
        `INSERT INTO conversation_reference (tenant_id, conversation_id, kind, person_id, reference, updated_at)
         VALUES ($1, $2, 'personal', $3, '{}'::jsonb, $4)`,
        [tenantId, `a:${randomUUID()}`, who, at],
      );
    }
    for (const meetingId of [futureMeeting, publishedMeeting]) {
      await sql(`INSERT INTO attendance (tenant_id, group_id, meeting_id, person_id, rsvp) VALUES ($1, $2, $3, $4, 'yes')`, [
        tenantId,
        groupId,
        meetingId,
        karin,
      ]);
    }
    for (const status of ['open', 'done']) {
      await sql(
        `INSERT INTO action_item (tenant_id, id, group_id, meeting_id, title, owner_person_id, status)
         VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [tenantId, `action-${status}`, groupId, publishedMeeting, `Karins åtgärd (${status})`, karin, status],
      );
    }
    await sql(
      `INSERT INTO action_status_report (tenant_id, action_id, for_meeting_id, person_id, status, comment, answered_at)
       VALUES ($1, 'action-open', $2, $3, 'blocked', 'Väntar på budget', $4)`,
      [tenantId, futureMeeting, karin, at],
    );
    // The February minutes, published with Karin's name in their record; a draft of March's
    // with her comment on it.
    await sql(`UPDATE meeting SET status = 'minutes_published' WHERE tenant_id = $1 AND id = $2`, [tenantId, publishedMeeting]);
    await sql(
      `INSERT INTO minutes (tenant_id, group_id, meeting_id, version, status, published_at, body) VALUES ($1, $2, $3, 1, 'published', $4, $5::jsonb)`,
      [tenantId, groupId, publishedMeeting, at, JSON.stringify({ record: { attendance: [{ personId: karin, name: 'Karin Berg' }] } })],
    );
    await sql(`INSERT INTO minutes (tenant_id, group_id, meeting_id, version, status) VALUES ($1, $2, $3, 1, 'draft')`, [
      tenantId,
      groupId,
      futureMeeting,
    ]);
    await sql(
      `INSERT INTO minutes_comment (tenant_id, id, group_id, meeting_id, version, agenda_item_id, person_id, body, created_at)
       VALUES ($1, $2, $3, $4, 1, 'item-1', $5, 'Karins kommentar', $6)`,
      [tenantId, randomUUID(), groupId, futureMeeting, karin, at],
    );
    // A sub-group Karin convenes with Sara, and one of Sara's alone.
    for (const [id, convenor, members] of [
      ['sg-karin', karin, [karin, sara]],
      ['sg-sara', sara, [sara]],
    ] as const) {
      await sql(
        `INSERT INTO sub_group (tenant_id, id, group_id, name, mandate, origin_meeting_id, origin_agenda_item_id, origin_item_title,
           convenor_person_id, deadline, created_at, updated_at)
         VALUES ($1, $2, $3, $4, 'Uppdraget', $5, 'item-1', 'Punkten', $6, '2026-09-30', $7, $7)`,
        [tenantId, id, groupId, `Delgrupp ${id}`, futureMeeting, convenor, at],
      );
      for (const member of members)
        await sql('INSERT INTO sub_group_member (tenant_id, sub_group_id, person_id) VALUES ($1, $2, $3)', [tenantId, id, member]);
    }
    // Karin's tips: one still new, one a proposal was made of; and one of Sara's.
    const [karinsProposal] = await sql<{ id: string }>(`SELECT id FROM proposal WHERE tenant_id = $1 AND proposer_person_id = $2`, [
      tenantId,
      karin,
    ]);
    for (const [id, who, comment, proposalId] of [
      ['tip-karin-new', karin, 'Karins tips om cykelvägar', null],
      ['tip-karin-proposed', karin, 'Karins tips som blev förslag', karinsProposal!.id],
      ['tip-sara', sara, 'Saras tips om skolmat', null],
    ] as const) {
      await sql(
        `INSERT INTO tip (tenant_id, id, group_id, sender_person_id, url, comment, source, status, proposal_id, submission_key,
           created_at, updated_at)
         VALUES ($1, $2, $3, $4, 'https://example.org/tips', $5, 'bot', $6, $7, $2, $8, $8)`,
        [tenantId, id, groupId, who, comment, proposalId ? 'proposed' : 'new', proposalId, at],
      );
    }
  }, 60_000);
  afterAll(() => opened.db.close());

  it('knows every column that names a person', async () => {
    const rows = await sql<{ col: string }>(
      `SELECT table_name || '.' || column_name AS col FROM information_schema.columns
       WHERE table_schema = current_schema() AND column_name LIKE '%person_id' ORDER BY 1`,
    );
    expect(rows.map((r) => r.col)).toEqual([...PERSON_COLUMNS].sort());
  });

  it("exports the person's own records and no one else's", async () => {
    const data = await exportMyData(
      { repositories: opened.storage.repositories, clock },
      { tenantId, personId: people.get('Karin Berg')! },
    );
    const s = data.sections;
    expect(s.person).toEqual([expect.objectContaining({ name: 'Karin Berg', email: expect.stringContaining('@') })]);
    expect(s.memberships).toEqual([{ group: 'Ekologiska hållbarhetsgruppen', role: 'delegate' }]);
    expect(s.proposals!.map((p) => p.title)).toEqual(['Karins förslag om cykelparkering']);
    expect(s.callResponses).toHaveLength(1);
    expect(s.attendance).toHaveLength(2);
    expect(s.actions!.map((a) => a.title).sort()).toEqual(['Karins åtgärd (done)', 'Karins åtgärd (open)']);
    expect(s.actionStatusAnswers).toEqual([expect.objectContaining({ comment: 'Väntar på budget', status: 'blocked' })]);
    expect(s.minutesComments).toEqual([expect.objectContaining({ body: 'Karins kommentar' })]);
    expect(s.teamsConversations).toHaveLength(1);
    expect(s.subGroups).toEqual([expect.objectContaining({ name: 'Delgrupp sg-karin', deadline: '2026-09-30', convenor: true })]);
    expect(s.tips!.map((t) => t.comment)).toEqual(['Karins tips om cykelvägar', 'Karins tips som blev förslag']);
    const text = JSON.stringify(data);
    expect(text).not.toContain('Sara');
    expect(text).not.toContain('Saras förslag');
    // Plain JSON: times as ISO strings.
    expect(s.callResponses![0]!.at).toBe('2026-03-01T10:00:00.000Z');
  });

  it('refuses erasure by a delegate, of oneself, of a strategist and of a non-member, and changes nothing', async () => {
    const deps = { unitOfWork: opened.storage.unitOfWork, clock };
    const by = (name: string) => ({ tenantId, personId: people.get(name)! });
    const before = await sql<{ n: number }>('SELECT count(*)::int AS n FROM membership WHERE tenant_id = $1', [tenantId]);
    const attempts: [string, string, string][] = [
      ['Sara Nilsson', 'Karin Berg', 'forbidden'],
      ['Anna Lindqvist', 'Anna Lindqvist', 'conflict'],
      ['Anna Lindqvist', 'Erik Holm', 'conflict'],
    ];
    const strategists = await sql<{ name: string }>(
      `SELECT p.name FROM membership m JOIN person p ON p.tenant_id = m.tenant_id AND p.id = m.person_id
       WHERE m.tenant_id = $1 AND m.role = 'strategist' ORDER BY p.name`,
      [tenantId],
    );
    const other = strategists.map((r) => r.name).find((n) => n !== 'Anna Lindqvist')!;
    attempts[2] = ['Anna Lindqvist', other, 'conflict'];
    for (const [actor, subject, code] of attempts) {
      const error = await eraseMember(deps, { by: by(actor), groupId, personId: people.get(subject)! }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe(code);
    }
    const unknown = await eraseMember(deps, { by: by('Anna Lindqvist'), groupId, personId: 'no-such-person' }).catch((e: unknown) => e);
    expect((unknown as AppError).code).toBe('not-found');
    expect(await sql('SELECT count(*)::int AS n FROM membership WHERE tenant_id = $1', [tenantId])).toEqual(before);
  });

  it('erases what is not public record and keeps the published minutes as published', async () => {
    const karin = people.get('Karin Berg')!;
    const { erased } = await eraseMember(
      { unitOfWork: opened.storage.unitOfWork, clock },
      { by: { tenantId, personId: people.get('Anna Lindqvist')! }, groupId, personId: karin },
    );
    expect(erased).toMatchObject({
      teamsConversations: 1,
      callResponses: 1,
      attendance: 1,
      actionStatusAnswers: 1,
      minutesComments: 1,
      actionsUnassigned: 1,
      memberships: 1,
      subGroupMemberships: 1,
      subGroupsUnconvened: 1,
      tips: 1,
      person: 1,
    });
    expect(await sql('SELECT id FROM tip WHERE tenant_id = $1 ORDER BY id', [tenantId])).toEqual([
      { id: 'tip-karin-proposed' },
      { id: 'tip-sara' },
    ]);
    expect(await sql('SELECT id, convenor_person_id FROM sub_group WHERE tenant_id = $1 ORDER BY id', [tenantId])).toEqual([
      { id: 'sg-karin', convenor_person_id: null },
      { id: 'sg-sara', convenor_person_id: people.get('Sara Nilsson') },
    ]);
    expect(await sql('SELECT count(*)::int AS n FROM sub_group_member WHERE tenant_id = $1 AND person_id = $2', [tenantId, karin])).toEqual(
      [{ n: 0 }],
    );
    const [person] = await sql<{ name: string; email: string; aad_object_id: string | null }>(
      'SELECT name, email, aad_object_id FROM person WHERE tenant_id = $1 AND id = $2',
      [tenantId, karin],
    );
    expect(person).toEqual({ name: ERASED_PERSON_NAME, email: `raderad-${karin}@arbetsrum.invalid`, aad_object_id: null });
    const published = await sql<{ body: unknown }>('SELECT body FROM minutes WHERE tenant_id = $1 AND meeting_id = $2', [
      tenantId,
      publishedMeeting,
    ]);
    expect(JSON.stringify(published[0]!.body)).toContain('Karin Berg');
    expect(await sql('SELECT rsvp FROM attendance WHERE tenant_id = $1 AND person_id = $2', [tenantId, karin])).toEqual([{ rsvp: 'yes' }]);
    const actions = await sql<{ id: string; owner_person_id: string | null }>(
      'SELECT id, owner_person_id FROM action_item WHERE tenant_id = $1 ORDER BY id',
      [tenantId],
    );
    expect(actions).toEqual([
      { id: 'action-done', owner_person_id: karin },
      { id: 'action-open', owner_person_id: null },
    ]);
    // Nothing says who she was (her proposal's text stays, the group's material), and Sara's records stand.
    const after = (await exportMyData({ repositories: opened.storage.repositories, clock }, { tenantId, personId: karin })).sections;
    expect(JSON.stringify(after.person)).not.toMatch(/Karin|karin\.berg/i);
    expect(after.proposals!.map((p) => p.title)).toEqual(['Karins förslag om cykelparkering']);
    expect(await sql('SELECT count(*)::int AS n FROM call_response WHERE tenant_id = $1', [tenantId])).toEqual([{ n: 1 }]);
    const [event] = await sql<{ actor_person_id: string; detail: unknown }>(
      `SELECT actor_person_id, detail FROM audit_event WHERE tenant_id = $1 AND action = 'person.erased'`,
      [tenantId],
    );
    expect(event!.actor_person_id).toBe(people.get('Anna Lindqvist'));
    expect(JSON.stringify(event!.detail)).not.toContain('Karin');
  });
});
