/**
 * The agenda builder: order by drag or by keyboard (Alt+Arrow on an item's handle, or the move
 * buttons), lengths with a running total against the meeting's length, presenters, standing and
 * free items. Nothing is stored until "Spara dagordning"; the save names the revision it started
 * from, so a colleague's change meanwhile is never overwritten unseen.
 */
import {
  Button,
  Menu,
  MenuItem,
  MenuList,
  MenuPopover,
  MenuTrigger,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Text,
  makeStyles,
  mergeClasses,
  tokens,
} from '@fluentui/react-components';
import { AddRegular } from '@fluentui/react-icons';
import { useEffect, useId, useMemo, useRef, useState, type DragEvent, type KeyboardEvent } from 'react';
import { ApiError, asApiError } from '../../api';
import { useSharedStyles } from '../../shared-styles';
import { AgendaRow } from './agenda-row';
import { firstProblem, move, rowsFrom, sameRows, startTimes, toDrafts, type DraftRow } from './agenda-draft';
import type { AgendaItemDraft, MeetingAgenda } from './meeting-api';
import { useMeetingStrings } from './meeting-strings';

const useStyles = makeStyles({
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXS },
  footer: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    justifyContent: 'space-between',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalS,
    marginTop: tokens.spacingVerticalS,
  },
  actions: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalS },
  total: { fontWeight: tokens.fontWeightSemibold },
  over: { color: tokens.colorPaletteRedForeground1 },
  help: { color: tokens.colorNeutralForeground2, margin: 0 },
});

export function AgendaBuilder({
  agenda,
  onSave,
  onReload,
  onDirtyChange,
}: {
  agenda: MeetingAgenda;
  onDirtyChange?: (dirty: boolean) => void;
  onSave: (revision: string, items: AgendaItemDraft[]) => Promise<MeetingAgenda>;
  onReload: () => void;
}) {
  const styles = useStyles();
  const shared = useSharedStyles();
  const s = useMeetingStrings();
  const helpId = useId();
  const original = useMemo(() => rowsFrom(agenda), [agenda]);
  const [rows, setRows] = useState<DraftRow[]>(original);
  const [announcement, setAnnouncement] = useState('');
  const [saving, setSaving] = useState(false);
  const [result, setResult] = useState<'saved' | ApiError | null>(null);
  const [showProblem, setShowProblem] = useState(false);
  const [dragFrom, setDragFrom] = useState<number | null>(null);
  const [dropAt, setDropAt] = useState<number | null>(null);
  const handles = useRef(new Map<string, HTMLElement>());
  const focusAfterMove = useRef<string | null>(null);
  const newKey = useRef(0);

  // A newly loaded agenda (after a save or a reload) replaces the working copy.
  useEffect(() => setRows(original), [original]);
  useEffect(() => {
    const key = focusAfterMove.current;
    if (key) handles.current.get(key)?.focus();
    focusAfterMove.current = null;
  }, [rows]);

  const dirty = !sameRows(rows, original);
  useEffect(() => onDirtyChange?.(dirty), [dirty, onDirtyChange]);
  const starts = startTimes(agenda.meeting.startsAt, rows);
  const total = rows.reduce((sum, row) => sum + (Number.isFinite(row.durationMinutes) ? row.durationMinutes : 0), 0);
  const length = agenda.meeting.durationMinutes;
  const problem = firstProblem(rows, agenda.limits);

  const update = (index: number, change: Partial<DraftRow>): void => {
    setResult(null);
    setRows((current) => current.map((row, i) => (i === index ? { ...row, ...change } : row)));
  };
  const moveRow = (from: number, to: number, focus: boolean): void => {
    const row = rows[from];
    if (!row || to < 0 || to >= rows.length) return;
    setResult(null);
    if (focus) focusAfterMove.current = row.key;
    setRows(move(rows, from, to));
    setAnnouncement(s.moved(row.title, to + 1, rows.length));
  };
  const removeRow = (index: number): void => {
    const row = rows[index];
    if (!row) return;
    setResult(null);
    setRows(rows.filter((_, i) => i !== index));
    setAnnouncement(s.removed(row.title));
  };
  const addRow = (title: string, minutes: number, standing: boolean, placement: 'opening' | 'closing' | 'end'): void => {
    newKey.current += 1;
    const row: DraftRow = {
      key: `new-${newKey.current}`,
      id: null,
      title,
      durationMinutes: minutes,
      presenterPersonId: null,
      proposalId: null,
      standing,
    };
    setResult(null);
    // An opening standing item goes after the other opening ones; everything else at the end.
    let at = rows.length;
    if (placement === 'opening') {
      at = rows.findIndex((r) => !r.standing);
      if (at < 0) at = rows.length;
    }
    focusAfterMove.current = row.key;
    setRows([...rows.slice(0, at), row, ...rows.slice(at)]);
  };

  const save = async (): Promise<void> => {
    if (problem) {
      setShowProblem(true);
      return;
    }
    setShowProblem(false);
    setSaving(true);
    try {
      await onSave(agenda.revision, toDrafts(rows));
      setResult('saved');
    } catch (error) {
      setResult(asApiError(error));
    } finally {
      setSaving(false);
    }
  };

  const onHandleKey = (event: KeyboardEvent<HTMLButtonElement>, index: number): void => {
    if (!event.altKey) return;
    if (event.key === 'ArrowUp') {
      event.preventDefault();
      moveRow(index, index - 1, true);
    } else if (event.key === 'ArrowDown') {
      event.preventDefault();
      moveRow(index, index + 1, true);
    }
  };
  const onDragStart = (event: DragEvent<HTMLLIElement>, index: number): void => {
    setDragFrom(index);
    event.dataTransfer.effectAllowed = 'move';
    event.dataTransfer.setData('text/plain', String(index));
  };
  const onDrop = (event: DragEvent<HTMLLIElement>, index: number): void => {
    event.preventDefault();
    if (dragFrom !== null) moveRow(dragFrom, index, false);
    setDragFrom(null);
    setDropAt(null);
  };

  const problemText =
    problem && showProblem
      ? problem.kind === 'title'
        ? s.invalidTitle(problem.index + 1)
        : s.invalidMinutes(problem.index + 1, agenda.limits.minutesMin, agenda.limits.minutesMax)
      : null;

  return (
    <div>
      <p id={helpId} className={styles.help}>
        {s.agendaHelp}
      </p>
      <ol className={styles.list} aria-describedby={helpId}>
        {rows.map((row, index) => (
          <AgendaRow
            key={row.key}
            row={row}
            index={index}
            count={rows.length}
            startsAt={new Date(starts[index] ?? 0).toISOString()}
            limits={agenda.limits}
            presenters={agenda.presenters}
            invalid={showProblem && problem?.index === index ? problem.kind : null}
            describedBy={helpId}
            dragging={dragFrom === index}
            dropTarget={dropAt === index && dragFrom !== index}
            handleRef={(element) => {
              if (element) handles.current.set(row.key, element);
              else handles.current.delete(row.key);
            }}
            onHandleKey={(event) => onHandleKey(event, index)}
            onChange={(change) => update(index, change)}
            onMove={(to) => moveRow(index, to, false)}
            onRemove={() => removeRow(index)}
            drag={{
              onDragStart: (event) => onDragStart(event, index),
              onDragOver: (event) => {
                event.preventDefault();
                setDropAt(index);
              },
              onDragLeave: () => setDropAt((at) => (at === index ? null : at)),
              onDrop: (event) => onDrop(event, index),
              onDragEnd: () => {
                setDragFrom(null);
                setDropAt(null);
              },
            }}
          />
        ))}
      </ol>

      <div className={styles.footer}>
        <div>
          <Text className={mergeClasses(styles.total, total > length && styles.over)}>{s.total(total, length)}</Text>{' '}
          <Text className={total > length ? styles.over : undefined}>
            {total > length ? s.over(total - length) : s.left(length - total)}
          </Text>
        </div>
        <div className={styles.actions}>
          <Button
            icon={<AddRegular />}
            disabled={rows.length >= agenda.limits.itemsMax}
            onClick={() => addRow(s.newItemTitle, 10, false, 'end')}
          >
            {s.addItem}
          </Button>
          {agenda.missingStandingItems.length > 0 && (
            <Menu>
              <MenuTrigger disableButtonEnhancement>
                <Button icon={<AddRegular />} disabled={rows.length >= agenda.limits.itemsMax}>
                  {s.addStanding}
                </Button>
              </MenuTrigger>
              <MenuPopover>
                <MenuList>
                  {agenda.missingStandingItems
                    .filter((item) => !rows.some((r) => r.standing && r.title === item.title))
                    .map((item) => (
                      <MenuItem key={item.title} onClick={() => addRow(item.title, item.minutes, true, item.placement)}>
                        {item.title}
                      </MenuItem>
                    ))}
                </MenuList>
              </MenuPopover>
            </Menu>
          )}
          {dirty && (
            <Button appearance="secondary" onClick={() => setRows(original)} disabled={saving}>
              {s.undo}
            </Button>
          )}
          <Button appearance="primary" onClick={() => void save()} disabled={!dirty || saving}>
            {saving ? s.saving : s.save}
          </Button>
        </div>
      </div>

      {problemText && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{problemText}</MessageBarBody>
        </MessageBar>
      )}
      {result instanceof ApiError &&
        (result.kind === 'conflict' ? (
          <MessageBar intent="warning" role="alert" layout="multiline">
            <MessageBarBody>{s.conflict}</MessageBarBody>
            <MessageBarActions>
              <Button onClick={onReload}>{s.reload}</Button>
            </MessageBarActions>
          </MessageBar>
        ) : (
          <MessageBar intent="error" role="alert" layout="multiline">
            <MessageBarBody>{result.message}</MessageBarBody>
          </MessageBar>
        ))}
      <div className={shared.visuallyHidden} aria-live="polite" role="status">
        {result === 'saved' ? s.saved : dirty ? `${s.unsaved}. ${announcement}` : announcement}
      </div>
      {result === 'saved' && !dirty && (
        <MessageBar intent="success">
          <MessageBarBody>{s.saved}</MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}
