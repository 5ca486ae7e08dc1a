/**
 * One item of the agenda builder: its handle (drag, or Alt+Arrow with the keyboard), start time,
 * title, length, presenter, and the move and remove buttons. The builder owns the list.
 */
import { Badge, Button, Caption1, Input, Select, Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { ArrowDownRegular, ArrowUpRegular, DeleteRegular, ReOrderDotsVerticalRegular } from '@fluentui/react-icons';
import type { DragEvent, KeyboardEvent } from 'react';
import { useI18n } from '../../i18n';
import type { DraftRow } from './agenda-draft';
import type { MeetingAgenda } from './meeting-api';
import { useMeetingStrings } from './meeting-strings';

const useStyles = makeStyles({
  row: {
    display: 'grid',
    gridTemplateColumns: 'auto 3.5rem minmax(10rem, 1fr) 6rem minmax(9rem, 14rem) auto',
    gridTemplateAreas: '"handle time title minutes presenter tools"',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXS,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    backgroundColor: tokens.colorNeutralBackground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    // Fixed narrow columns: auto ones grow to fit the inputs spanning them and squeeze the title.
    // The ranges do not overlap: Griffel does not keep media rules in the order written here.
    '@media (min-width: 481px) and (max-width: 720px)': {
      gridTemplateColumns: '2rem 3.5rem minmax(0, 1fr)',
      gridTemplateAreas: '"handle time title" "minutes minutes presenter" "tools tools tools"',
    },
    // A side panel (280–320 px): the title gets a line of its own; the tools stay last, as in the
    // tab order.
    '@media (max-width: 480px)': {
      gridTemplateColumns: '2rem 3.5rem minmax(0, 1fr)',
      gridTemplateAreas: '"handle time time" "title title title" "minutes minutes presenter" "tools tools tools"',
    },
  },
  dragging: { opacity: 0.5 },
  dropTarget: { boxShadow: `0 -3px 0 ${tokens.colorBrandStroke1}` },
  handle: { gridArea: 'handle', cursor: 'grab' },
  time: { gridArea: 'time', fontVariantNumeric: 'tabular-nums', color: tokens.colorNeutralForeground2 },
  titleCell: { gridArea: 'title', display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXXS, minWidth: 0 },
  minutes: { gridArea: 'minutes', minWidth: 0 },
  presenter: { gridArea: 'presenter', minWidth: 0 },
  tools: { gridArea: 'tools', display: 'flex', justifyContent: 'flex-end', columnGap: tokens.spacingHorizontalXXS },
  tag: { alignSelf: 'flex-start' },
});

type DragHandlers = Record<'onDragStart' | 'onDragOver' | 'onDrop', (event: DragEvent<HTMLLIElement>) => void> &
  Record<'onDragLeave' | 'onDragEnd', () => void>;

export function AgendaRow({
  row,
  index,
  count,
  startsAt,
  limits,
  presenters,
  invalid,
  describedBy,
  dragging,
  dropTarget,
  handleRef,
  onHandleKey,
  onChange,
  onMove,
  onRemove,
  drag,
}: {
  row: DraftRow;
  index: number;
  count: number;
  startsAt: string;
  limits: MeetingAgenda['limits'];
  presenters: MeetingAgenda['presenters'];
  /** The field to mark invalid, once the person has tried to save. */
  invalid: 'title' | 'minutes' | null;
  describedBy: string;
  dragging: boolean;
  dropTarget: boolean;
  handleRef: (element: HTMLElement | null) => void;
  onHandleKey: (event: KeyboardEvent<HTMLButtonElement>) => void;
  onChange: (change: Partial<DraftRow>) => void;
  onMove: (to: number) => void;
  onRemove: () => void;
  drag: DragHandlers;
}) {
  const styles = useStyles();
  const s = useMeetingStrings();
  const { dates } = useI18n();
  return (
    <li
      className={mergeClasses(styles.row, dragging && styles.dragging, dropTarget && styles.dropTarget)}
      draggable
      {...drag}
      data-testid="agenda-row"
    >
      <Button
        className={styles.handle}
        appearance="subtle"
        icon={<ReOrderDotsVerticalRegular />}
        aria-label={s.dragHandle(row.title, index + 1, count)}
        aria-describedby={describedBy}
        onKeyDown={onHandleKey}
        ref={handleRef}
      />
      <Text className={styles.time}>{dates.time(startsAt)}</Text>
      <div className={styles.titleCell}>
        <Input
          value={row.title}
          maxLength={limits.titleMax}
          aria-label={`${s.itemTitle}, ${index + 1}`}
          aria-invalid={invalid === 'title'}
          onChange={(_event, data) => onChange({ title: data.value })}
        />
        {(row.standing || row.proposalId) && (
          <Badge className={styles.tag} appearance="tint" color={row.proposalId ? 'brand' : 'informative'} size="small">
            {row.proposalId ? s.fromProposal : s.standing}
          </Badge>
        )}
      </div>
      <Input
        className={styles.minutes}
        type="number"
        inputMode="numeric"
        min={limits.minutesMin}
        max={limits.minutesMax}
        value={Number.isFinite(row.durationMinutes) ? String(row.durationMinutes) : ''}
        aria-label={`${s.itemMinutes}, ${row.title || index + 1}`}
        aria-invalid={invalid === 'minutes'}
        contentAfter={<Caption1>min</Caption1>}
        onChange={(_event, data) => onChange({ durationMinutes: data.value === '' ? Number.NaN : Number(data.value) })}
      />
      <Select
        className={styles.presenter}
        value={row.presenterPersonId ?? ''}
        aria-label={`${s.presenter}, ${row.title || index + 1}`}
        onChange={(_event, data) => onChange({ presenterPersonId: data.value || null })}
      >
        <option value="">{s.noPresenter}</option>
        {presenters.map((p) => (
          <option key={p.id} value={p.id}>
            {p.organisationName ? `${p.name} (${p.organisationName})` : p.name}
          </option>
        ))}
      </Select>
      <div className={styles.tools}>
        <Button
          appearance="subtle"
          icon={<ArrowUpRegular />}
          aria-label={s.moveUp(row.title)}
          disabled={index === 0}
          onClick={() => onMove(index - 1)}
        />
        <Button
          appearance="subtle"
          icon={<ArrowDownRegular />}
          aria-label={s.moveDown(row.title)}
          disabled={index === count - 1}
          onClick={() => onMove(index + 1)}
        />
        <Button
          appearance="subtle"
          icon={<DeleteRegular />}
          aria-label={row.proposalId ? `${s.remove(row.title)}. ${s.proposalStays}` : s.remove(row.title)}
          title={row.proposalId ? s.proposalStays : undefined}
          disabledFocusable={row.proposalId !== null}
          onClick={onRemove}
        />
      </div>
    </li>
  );
}
