/**
 * The attendance and action lists as published minutes keep them: with names and organisations
 * written out, so the public record reads the same after people, organisations or actions change.
 */
import type { Membership } from '../domain/membership';
import type { ActionItem, MinutesRecord, PresenceRecord } from '../domain/minutes';
import type { Organisation } from '../domain/organisation';
import type { Person } from '../domain/person';

export function buildMinutesRecord(input: {
  people: readonly Person[];
  memberships: readonly Membership[];
  organisations: readonly Organisation[];
  presence: readonly PresenceRecord[];
  actions: readonly ActionItem[];
}): MinutesRecord {
  const personById = new Map(input.people.map((p) => [p.id, p]));
  const organisationName = (id: string | null): string | null => (id ? (input.organisations.find((o) => o.id === id)?.name ?? null) : null);
  const memberIds = new Set(input.memberships.map((m) => m.personId));
  const members = input.people.filter((p) => memberIds.has(p.id));
  return {
    attendance: members.map((person) => {
      const row = input.presence.find((r) => r.personId === person.id);
      const substituteFor = row?.substituteForPersonId ? personById.get(row.substituteForPersonId) : undefined;
      return {
        personId: person.id,
        name: person.name,
        organisationId: person.organisationId,
        organisationName: organisationName(person.organisationId),
        rsvp: row?.rsvp ?? null,
        substituteName: row?.substituteName ?? null,
        presence: row?.presence ?? null,
        substituteForPersonId: row?.substituteForPersonId ?? null,
        substituteForName: substituteFor?.name ?? null,
      };
    }),
    actions: input.actions.map((action) => ({
      id: action.id,
      agendaItemId: action.agendaItemId,
      title: action.title,
      ownerPersonId: action.ownerPersonId,
      ownerName: action.ownerPersonId ? (personById.get(action.ownerPersonId)?.name ?? null) : null,
      organisationName: organisationName(action.organisationId),
      dueDate: action.dueDate,
      status: action.status,
    })),
  };
}
