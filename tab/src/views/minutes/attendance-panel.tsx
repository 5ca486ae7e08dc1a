/**
 * Närvaro: every member by organisation with their answer to the kallelse, and — for the writer —
 * a choice per person: närvarande, förhinder, or ersättare for another member.
 */
import { Body1, Caption1, Select, Subtitle2, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useId, type ReactNode } from 'react';
import type { AttendanceGroup, AttendancePerson, Minutes, Presence } from './minutes-api';
import type { EditableMinutes } from './minutes-draft';
import { useMinutesStrings, type MinutesStrings } from './minutes-strings';
import { useCardStyles } from './minutes-styles';

const useStyles = makeStyles({
  h3: { margin: 0 },
  h4: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold, overflowWrap: 'anywhere' },
  muted: { margin: 0, color: tokens.colorNeutralForeground2 },
  /** Organisations side by side when there is room (a channel tab), one column in a side panel. */
  groups: { columnWidth: '24rem', columnGap: tokens.spacingHorizontalXXL },
  group: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalXS,
    minWidth: 0,
    breakInside: 'avoid',
    marginBlockEnd: tokens.spacingVerticalM,
  },
  list: { margin: 0, padding: 0, listStyleType: 'none', display: 'flex', flexDirection: 'column' },
  person: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXS,
    paddingBlock: tokens.spacingVerticalXS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  who: { flex: '1 1 10rem', minWidth: 0, display: 'flex', flexDirection: 'column', overflowWrap: 'anywhere' },
  controls: { flex: '1 1 12rem', minWidth: 0, display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  select: { flex: '1 1 9rem', minWidth: 0 },
  unnoted: { fontWeight: tokens.fontWeightRegular, color: tokens.colorNeutralForeground3 },
  state: { flex: '0 1 auto', fontWeight: tokens.fontWeightSemibold, overflowWrap: 'anywhere' },
});

function answer(person: AttendancePerson, s: MinutesStrings): string {
  if (!person.rsvp) return s.noRsvp;
  if (person.rsvp === 'substitute' && person.substituteName) return s.rsvpSubstitute(person.substituteName);
  return s.rsvp[person.rsvp];
}

function stateText(presence: Presence | null, substituteForName: string | null, s: MinutesStrings): string {
  if (presence === 'substitute' && substituteForName) return s.substituteFor(substituteForName);
  return s.presence[presence ?? 'none'];
}

export function AttendancePanel({
  minutes,
  editable,
  onChange,
}: {
  minutes: Minutes;
  /** The writer's marks; absent when the attendance is only read. */
  editable?: EditableMinutes | undefined;
  onChange?: (personId: string, mark: { presence: Presence | null; substituteForPersonId: string | null }) => void;
}) {
  const styles = useStyles();
  const card = useCardStyles();
  const s = useMinutesStrings();
  const headingId = useId();
  const nameOf = new Map(minutes.members.map((m) => [m.id, m.name]));
  const people = minutes.attendance.flatMap((g) => g.people);
  const presenceOf = (p: AttendancePerson) => (editable ? (editable.attendance[p.personId]?.presence ?? null) : p.presence);
  const present = people.filter((p) => presenceOf(p) === 'present' || presenceOf(p) === 'substitute').length;

  return (
    <section className={card.card} aria-labelledby={headingId}>
      <Subtitle2 as="h3" id={headingId} className={styles.h3}>
        {s.attendance}
      </Subtitle2>
      <Body1 as="p" className={styles.muted}>
        {`${s.attendanceIntro} ${s.presentCount(present, people.length)}.`}
      </Body1>
      <div className={styles.groups}>
        {minutes.attendance.map((group) => (
          <OrganisationGroup key={group.organisation?.id ?? group.organisation?.name ?? ''} group={group}>
            {(person) => {
              const mark = editable?.attendance[person.personId];
              if (!editable || !onChange) {
                return (
                  <span className={person.presence === null ? mergeClasses(styles.state, styles.unnoted) : styles.state}>
                    {stateText(person.presence, person.substituteForName ?? nameOf.get(person.substituteForPersonId ?? '') ?? null, s)}
                  </span>
                );
              }
              const presence = mark?.presence ?? null;
              return (
                <div className={styles.controls}>
                  <Select
                    className={styles.select}
                    aria-label={s.presenceLabel(person.name)}
                    value={presence ?? ''}
                    onChange={(_event, data) =>
                      onChange(person.personId, {
                        presence: data.value === '' ? null : (data.value as Presence),
                        substituteForPersonId: data.value === 'substitute' ? (mark?.substituteForPersonId ?? null) : null,
                      })
                    }
                  >
                    <option value="">{s.presence.none}</option>
                    <option value="present">{s.presence.present}</option>
                    <option value="absent">{s.presence.absent}</option>
                    <option value="substitute">{s.presence.substitute}</option>
                  </Select>
                  {presence === 'substitute' && (
                    <Select
                      className={styles.select}
                      aria-label={s.substituteForLabel(person.name)}
                      value={mark?.substituteForPersonId ?? ''}
                      onChange={(_event, data) =>
                        onChange(person.personId, { presence: 'substitute', substituteForPersonId: data.value || null })
                      }
                    >
                      <option value="">{s.chooseMember}</option>
                      {minutes.members
                        .filter((m) => m.id !== person.personId)
                        .map((m) => (
                          <option key={m.id} value={m.id}>
                            {s.substituteFor(m.name)}
                          </option>
                        ))}
                    </Select>
                  )}
                </div>
              );
            }}
          </OrganisationGroup>
        ))}
      </div>
    </section>
  );
}

function OrganisationGroup({ group, children }: { group: AttendanceGroup; children: (person: AttendancePerson) => ReactNode }) {
  const styles = useStyles();
  const s = useMinutesStrings();
  const headingId = useId();
  return (
    <div className={styles.group} role="group" aria-labelledby={headingId}>
      <h4 id={headingId} className={styles.h4}>
        {group.organisation?.name ?? s.noOrganisation}
      </h4>
      <ul className={styles.list}>
        {group.people.map((person) => (
          <li key={person.personId} className={styles.person}>
            <div className={styles.who}>
              <span>{person.name}</span>
              <Caption1 className={styles.muted}>
                {person.role && person.role !== 'delegate' ? `${s.roles[person.role]} · ${answer(person, s)}` : answer(person, s)}
              </Caption1>
            </div>
            {children(person)}
          </li>
        ))}
      </ul>
    </div>
  );
}
