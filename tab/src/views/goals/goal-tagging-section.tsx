/**
 * Strategists link a meeting's agenda items and actions to goals: each shows the goals it
 * carries (its own, or followed from its proposal or item) and opens the goal picker.
 */
import { Button, Field, makeStyles, mergeClasses, Select, tokens } from '@fluentui/react-components';
import { useId, useMemo, useState } from 'react';
import type { ApiClient } from '../../api';
import { useI18n } from '../../i18n';
import { cardSurface, pageText, useSharedStyles } from '../../shared-styles';
import { GoalPickerDialog } from './goal-picker';
import { chooseGoals, type GoalInfo, type TaggedThing } from './goals-api';
import { goalLabel, useGoalsStrings } from './goals-strings';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
  h3: pageText.h3,
  lead: pageText.lead,
  select: { maxWidth: '420px' },
  list: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    ...cardSurface,
  },
  row: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    justifyContent: 'space-between',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    ':last-child': { borderBottom: 'none' },
    '@media (max-width: 480px)': { paddingInline: tokens.spacingHorizontalM },
  },
  action: {
    paddingInlineStart: tokens.spacingHorizontalXXL,
    '@media (max-width: 480px)': { paddingInlineStart: tokens.spacingHorizontalXL },
  },
  text: { display: 'flex', flexDirection: 'column', minWidth: 0, flex: '1 1 220px', overflowWrap: 'anywhere' },
  goals: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
});

export function GoalTaggingSection({
  api,
  groupId,
  goals,
  taggable,
  onSaved,
}: {
  api: ApiClient;
  groupId: string;
  goals: readonly GoalInfo[];
  taggable: readonly TaggedThing[];
  onSaved: () => void;
}) {
  const styles = useStyles();
  const shared = useSharedStyles();
  const s = useGoalsStrings();
  const { dates } = useI18n();
  const headingId = useId();
  const meetings = useMemo(() => {
    const byId = new Map<string, { id: string; title: string; startsAt: string }>();
    for (const thing of taggable) if (thing.meeting) byId.set(thing.meeting.id, thing.meeting);
    return [...byId.values()].sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  }, [taggable]);
  const [meetingId, setMeetingId] = useState<string | null>(null);
  const current = meetings.find((m) => m.id === meetingId) ?? meetings.at(-1) ?? null;
  const [editing, setEditing] = useState<TaggedThing | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const goalById = new Map(goals.map((g) => [g.id, g]));
  const describe = (thing: TaggedThing) => {
    const names = thing.goalIds.map((id) => goalById.get(id)).filter((g): g is GoalInfo => g !== undefined);
    const text = names.length === 0 ? s.noneChosen : names.map((g) => goalLabel(s, g)).join(' · ');
    const from = s.inheritedFrom[thing.source];
    return from ? `${text} (${from})` : text;
  };
  const items = taggable.filter((t) => t.kind === 'agendaItem' && t.meeting?.id === current?.id);
  const actions = taggable.filter((t) => t.kind === 'action' && t.meeting?.id === current?.id);
  const row = (thing: TaggedThing, isAction: boolean) => {
    const title = isAction ? s.actionLabel(thing.title) : thing.title;
    return (
      <li key={`${thing.kind}:${thing.id}`} className={mergeClasses(styles.row, isAction && styles.action)}>
        <span className={styles.text}>
          <span>{title}</span>
          <span className={styles.goals}>{describe(thing)}</span>
        </span>
        <Button size="small" aria-label={s.chooseGoalsFor(thing.title)} onClick={() => setEditing(thing)}>
          {s.chooseGoals}
        </Button>
      </li>
    );
  };

  return (
    <section className={styles.section} aria-labelledby={headingId}>
      <h3 id={headingId} className={styles.h3}>
        {s.tagTitle}
      </h3>
      <p className={styles.lead}>{s.tagIntro}</p>
      {current === null ? (
        <p className={styles.lead}>{s.noTaggable}</p>
      ) : (
        <>
          <Field label={s.meetingSelect} className={styles.select}>
            <Select value={current.id} onChange={(_, data) => setMeetingId(data.value)}>
              {meetings.map((m) => (
                <option key={m.id} value={m.id}>
                  {`${dates.isoDate(m.startsAt)} ${m.title}`}
                </option>
              ))}
            </Select>
          </Field>
          <ul className={styles.list} aria-label={current.title}>
            {items.flatMap((item) => [row(item, false), ...actions.filter((a) => a.agendaItemId === item.id).map((a) => row(a, true))])}
            {actions.filter((a) => !items.some((i) => i.id === a.agendaItemId)).map((a) => row(a, true))}
          </ul>
        </>
      )}
      <div className={shared.visuallyHidden} role="status" aria-live="polite">
        {announcement}
      </div>
      {editing && (
        <GoalPickerDialog
          title={editing.title}
          kind={editing.kind === 'action' ? 'action' : 'agendaItem'}
          goals={goals}
          initial={editing.goalIds}
          ownChoice={editing.source === 'own'}
          onClose={() => setEditing(null)}
          onSave={async (goalIds) => {
            await chooseGoals(api, groupId, editing.kind === 'action' ? 'action' : 'agendaItem', editing.id, goalIds);
            setAnnouncement(s.saved(editing.title));
            setEditing(null);
            onSaved();
          }}
        />
      )}
    </section>
  );
}
