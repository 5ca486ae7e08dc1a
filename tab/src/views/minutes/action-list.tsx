/**
 * Åtgärder under one agenda item: Åtgärd – Ansvarig – Klart senast – Status. The writer edits
 * rows (added and removed with buttons, each row a labelled group); everyone else reads a list.
 */
import { Button, Caption1, Field, Input, Select, makeStyles, tokens } from '@fluentui/react-components';
import { AddRegular, DeleteRegular } from '@fluentui/react-icons';
import { useEffect, useRef, useState } from 'react';
import { useSharedStyles } from '../../shared-styles';
import { ACTION_STATUSES, LIMITS, newActionId, type ActionStatus, type Minutes, type MinutesAction } from './minutes-api';
import type { EditableAction } from './minutes-draft';
import { useMinutesStrings } from './minutes-strings';

const useStyles = makeStyles({
  list: { margin: 0, padding: 0, listStyleType: 'none', display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  readItem: { display: 'flex', flexDirection: 'column', overflowWrap: 'anywhere' },
  title: { fontWeight: tokens.fontWeightSemibold },
  muted: { color: tokens.colorNeutralForeground2 },
  row: {
    margin: 0,
    minWidth: 0,
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'flex-end',
    gap: tokens.spacingHorizontalS,
    padding: tokens.spacingHorizontalS,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  titleField: { flex: '3 1 16rem', minWidth: 0 },
  ownerField: { flex: '2 1 10rem', minWidth: 0 },
  dueField: { flex: '1 1 9rem', minWidth: 0 },
  statusField: { flex: '1 1 8rem', minWidth: 0 },
  remove: { flex: '0 0 auto' },
  add: { alignSelf: 'flex-start' },
  /** A select is as wide as its longest option unless told otherwise; in a side panel that overflows. */
  control: { minWidth: 0, maxWidth: '100%' },
});

export function ActionReadList({ actions }: { actions: readonly MinutesAction[] }) {
  const styles = useStyles();
  const s = useMinutesStrings();
  return (
    <ul className={styles.list}>
      {actions.map((action) => (
        <li key={action.id} className={styles.readItem}>
          <span className={styles.title}>{action.title}</span>
          <Caption1 className={styles.muted}>
            {[
              action.owner ? `${s.owner}: ${s.ownerLine(action.owner.name, action.organisationName)}` : `${s.owner}: ${s.noOwner}`,
              action.dueDate ? s.dueLine(action.dueDate) : null,
              s.statuses[action.status],
            ]
              .filter(Boolean)
              .join(' · ')}
          </Caption1>
        </li>
      ))}
    </ul>
  );
}

export function ActionEditor({
  agendaItemId,
  itemTitle,
  actions,
  members,
  onChange,
}: {
  /** Null: the actions whose item left the agenda. */
  agendaItemId: string | null;
  itemTitle: string;
  actions: readonly EditableAction[];
  members: Minutes['members'];
  onChange: (change: (actions: EditableAction[]) => EditableAction[]) => void;
}) {
  const styles = useStyles();
  const shared = useSharedStyles();
  const s = useMinutesStrings();
  const addRef = useRef<HTMLButtonElement>(null);
  const [focusId, setFocusId] = useState<string | null>(null);
  const mine = actions.filter((a) => a.agendaItemId === agendaItemId);

  // A new row gets the focus on its first field; a removed row hands it back to "Lägg till".
  useEffect(() => {
    if (focusId === null) return;
    document.getElementById(`action-title-${focusId}`)?.focus();
    setFocusId(null);
  }, [focusId]);

  const patch = (id: string, change: Partial<EditableAction>) => onChange((all) => all.map((a) => (a.id === id ? { ...a, ...change } : a)));
  const add = () => {
    const id = newActionId();
    onChange((all) => [...all, { id, agendaItemId, title: '', ownerPersonId: null, dueDate: '', status: 'open' }]);
    setFocusId(id);
  };
  const remove = (id: string) => {
    onChange((all) => all.filter((a) => a.id !== id));
    addRef.current?.focus();
  };

  return (
    <>
      {mine.length > 0 && (
        <ul className={styles.list}>
          {mine.map((action, index) => (
            <li key={action.id}>
              <fieldset className={styles.row}>
                <legend className={shared.visuallyHidden}>{s.actionLegend(index + 1, itemTitle)}</legend>
                <Field className={styles.titleField} label={s.action} hint={action.title.trim() === '' ? s.actionNeedsTitle : undefined}>
                  <Input
                    className={styles.control}
                    id={`action-title-${action.id}`}
                    value={action.title}
                    maxLength={LIMITS.actionTitleMax}
                    onChange={(_event, data) => patch(action.id, { title: data.value })}
                  />
                </Field>
                <Field className={styles.ownerField} label={s.owner}>
                  <Select
                    className={styles.control}
                    value={action.ownerPersonId ?? ''}
                    onChange={(_event, data) => patch(action.id, { ownerPersonId: data.value || null })}
                  >
                    <option value="">{s.noOwner}</option>
                    {members.map((m) => (
                      <option key={m.id} value={m.id}>
                        {s.ownerLine(m.name, m.organisationName)}
                      </option>
                    ))}
                  </Select>
                </Field>
                <Field className={styles.dueField} label={s.due}>
                  <Input
                    className={styles.control}
                    type="date"
                    value={action.dueDate}
                    onChange={(_event, data) => patch(action.id, { dueDate: data.value })}
                  />
                </Field>
                <Field className={styles.statusField} label={s.status}>
                  <Select
                    className={styles.control}
                    value={action.status}
                    onChange={(_event, data) => patch(action.id, { status: data.value as ActionStatus })}
                  >
                    {ACTION_STATUSES.map((status) => (
                      <option key={status} value={status}>
                        {s.statuses[status]}
                      </option>
                    ))}
                  </Select>
                </Field>
                <Button
                  className={styles.remove}
                  icon={<DeleteRegular />}
                  aria-label={s.removeAction(action.title.trim())}
                  onClick={() => remove(action.id)}
                >
                  {s.remove}
                </Button>
              </fieldset>
            </li>
          ))}
        </ul>
      )}
      {mine.length < LIMITS.actionsPerItemMax && (
        <Button ref={addRef} className={styles.add} appearance="subtle" icon={<AddRegular />} onClick={add}>
          {s.addAction}
        </Button>
      )}
    </>
  );
}
