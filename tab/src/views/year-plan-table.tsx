/**
 * The year's meetings as a table (date, weekday, time, title, chair, place, status). Up to 1100 px
 * (a meeting side panel is 280–320 px; a channel tab next to Teams' team list is often ~900 px, too
 * narrow for seven columns with "minnesanteckningar publicerade") each row becomes a small card,
 * in one or more columns; the explicit ARIA roles keep the table semantics that a CSS display
 * change can drop in some browsers.
 */
import { Badge, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import type { Meeting } from '../api-types';
import { useI18n } from '../i18n';
import { MeetingStatusBadge } from './meeting-status-badge';

const NARROW = '@media (max-width: 1100px)';
/** A 280–340 px side panel: date, weekday and time no longer fit on one line. */
const NARROWEST = '@media (max-width: 340px)';

const useStyles = makeStyles({
  frame: {
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusMedium,
    boxShadow: tokens.shadow4,
    overflowX: 'auto',
    [NARROW]: { backgroundColor: 'transparent', boxShadow: 'none', overflowX: 'visible' },
  },
  table: {
    width: '100%',
    borderCollapse: 'collapse',
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    color: tokens.colorNeutralForeground1,
    [NARROW]: { display: 'block' },
  },
  head: {
    [NARROW]: {
      position: 'absolute',
      width: '1px',
      height: '1px',
      overflow: 'hidden',
      clip: 'rect(0 0 0 0)',
      whiteSpace: 'nowrap',
    },
  },
  headCell: {
    textAlign: 'start',
    verticalAlign: 'bottom',
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorNeutralForeground2,
    fontSize: tokens.fontSizeBase200,
    paddingBlock: tokens.spacingVerticalS,
    paddingInline: tokens.spacingHorizontalM,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    whiteSpace: 'nowrap',
  },
  body: {
    [NARROW]: {
      display: 'grid',
      gridTemplateColumns: 'repeat(auto-fill, minmax(min(100%, 300px), 1fr))',
      gap: tokens.spacingHorizontalS,
    },
  },
  row: {
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    ':last-child': { borderBottom: 'none' },
    [NARROW]: {
      display: 'grid',
      gridTemplateColumns: 'auto auto 1fr',
      alignContent: 'start',
      gridTemplateAreas: '"date weekday time" "title title title" "chair chair chair" "place place place" "status status status"',
      columnGap: tokens.spacingHorizontalS,
      rowGap: tokens.spacingVerticalXXS,
      padding: tokens.spacingHorizontalM,
      backgroundColor: tokens.colorNeutralBackground1,
      borderRadius: tokens.borderRadiusMedium,
      boxShadow: tokens.shadow4,
      border: `${tokens.strokeWidthThin} solid ${tokens.colorTransparentStroke}`,
      ':last-child': { border: `${tokens.strokeWidthThin} solid ${tokens.colorTransparentStroke}` },
    },
    [NARROWEST]: {
      gridTemplateColumns: 'auto 1fr',
      gridTemplateAreas: '"date weekday" "time time" "title title" "chair chair" "place place" "status status"',
    },
  },
  /** With an actions column (the Mötesplan for strategists): one more line in the narrow card. */
  rowWithActions: {
    [NARROW]: {
      gridTemplateAreas:
        '"date weekday time" "title title title" "chair chair chair" "place place place" "status status status" "actions actions actions"',
    },
    [NARROWEST]: {
      gridTemplateAreas: '"date weekday" "time time" "title title" "chair chair" "place place" "status status" "actions actions"',
    },
  },
  actions: {
    whiteSpace: 'nowrap',
    paddingBlock: tokens.spacingVerticalXS,
    [NARROW]: { gridArea: 'actions', paddingBlockStart: tokens.spacingVerticalS },
  },
  nextRow: {
    backgroundColor: tokens.colorBrandBackground2,
    [NARROW]: {
      backgroundColor: tokens.colorBrandBackground2,
      // Same 1 px border as the other rows plus a 1 px ring outside, so the content does not shift.
      border: `${tokens.strokeWidthThin} solid ${tokens.colorBrandStroke1}`,
      ':last-child': { border: `${tokens.strokeWidthThin} solid ${tokens.colorBrandStroke1}` },
      boxShadow: `0 0 0 ${tokens.strokeWidthThin} ${tokens.colorBrandStroke1}, ${tokens.shadow4}`,
    },
  },
  cell: {
    textAlign: 'start',
    verticalAlign: 'top',
    fontWeight: tokens.fontWeightRegular,
    paddingBlock: tokens.spacingVerticalMNudge,
    paddingInline: tokens.spacingHorizontalM,
    [NARROW]: { display: 'block', padding: 0 },
  },
  nowrap: { whiteSpace: 'nowrap' },
  date: {
    fontVariantNumeric: 'tabular-nums',
    [NARROW]: { gridArea: 'date', fontWeight: tokens.fontWeightSemibold },
  },
  nextMarker: {
    boxShadow: `inset ${tokens.strokeWidthThickest} 0 0 ${tokens.colorBrandStroke1}`,
    [NARROW]: { boxShadow: 'none' },
    // Forced colours drop box-shadows and backgrounds; a border survives (the badge says it in words anyway).
    '@media (forced-colors: active) and (min-width: 1101px)': {
      borderInlineStartWidth: tokens.strokeWidthThickest,
      borderInlineStartStyle: 'solid',
      borderInlineStartColor: 'Highlight',
    },
  },
  weekday: { [NARROW]: { gridArea: 'weekday', color: tokens.colorNeutralForeground2 } },
  time: {
    fontVariantNumeric: 'tabular-nums',
    [NARROW]: { gridArea: 'time', color: tokens.colorNeutralForeground2, justifySelf: 'end' },
    [NARROWEST]: { justifySelf: 'start' },
  },
  title: {
    minWidth: '12em',
    [NARROW]: {
      gridArea: 'title',
      minWidth: 0,
      fontWeight: tokens.fontWeightSemibold,
      paddingBlockStart: tokens.spacingVerticalXS,
    },
  },
  titleText: { marginInlineEnd: tokens.spacingHorizontalS, overflowWrap: 'anywhere' },
  cancelled: { textDecorationLine: 'line-through', color: tokens.colorNeutralForeground3 },
  chair: { whiteSpace: 'nowrap', [NARROW]: { gridArea: 'chair', whiteSpace: 'normal' } },
  place: { [NARROW]: { gridArea: 'place', overflowWrap: 'anywhere' } },
  status: { whiteSpace: 'nowrap', [NARROW]: { gridArea: 'status', paddingBlockStart: tokens.spacingVerticalXS } },
  /** Shown only in the narrow layout, where the column headers are not on screen. */
  narrowLabel: {
    display: 'none',
    color: tokens.colorNeutralForeground3,
    [NARROW]: { display: 'inline' },
  },
  nextBadge: { verticalAlign: 'text-bottom' },
});

export function YearPlanTable({
  meetings,
  nextMeetingId,
  labelledBy,
  actions,
}: {
  meetings: Meeting[];
  nextMeetingId: string | null;
  labelledBy: string;
  /** A last column of controls per meeting, under a column header named `label`. */
  actions?: { label: string; render: (meeting: Meeting) => ReactNode } | undefined;
}) {
  const styles = useStyles();
  const { t, dates } = useI18n();
  const col = t.yearPlan.columns;

  return (
    <div className={styles.frame}>
      <table role="table" className={styles.table} aria-labelledby={labelledBy}>
        <thead role="rowgroup" className={styles.head}>
          <tr role="row">
            {[col.date, col.weekday, col.time, col.title, col.chair, col.place, col.status, ...(actions ? [actions.label] : [])].map(
              (label) => (
                <th key={label} role="columnheader" scope="col" className={styles.headCell}>
                  {label}
                </th>
              ),
            )}
          </tr>
        </thead>
        <tbody role="rowgroup" className={styles.body}>
          {meetings.map((meeting) => {
            const isNext = meeting.id === nextMeetingId;
            const cancelled = meeting.status === 'cancelled';
            return (
              <tr
                key={meeting.id}
                role="row"
                className={mergeClasses(styles.row, actions && styles.rowWithActions, isNext && styles.nextRow)}
              >
                <th
                  role="rowheader"
                  scope="row"
                  className={mergeClasses(styles.cell, styles.nowrap, styles.date, isNext && styles.nextMarker)}
                >
                  {dates.isoDate(meeting.startsAt)}
                </th>
                <td role="cell" className={mergeClasses(styles.cell, styles.weekday)}>
                  {dates.weekday(meeting.startsAt)}
                </td>
                <td role="cell" className={mergeClasses(styles.cell, styles.nowrap, styles.time)}>
                  {dates.timeSpan(meeting.startsAt, meeting.durationMinutes)}
                </td>
                <td role="cell" className={mergeClasses(styles.cell, styles.title)}>
                  <span className={mergeClasses(styles.titleText, cancelled && styles.cancelled)}>{meeting.title}</span>
                  {isNext && (
                    <Badge className={styles.nextBadge} appearance="filled" color="brand" shape="rounded" size="small">
                      {t.yearPlan.nextBadge}
                    </Badge>
                  )}
                </td>
                <td role="cell" className={mergeClasses(styles.cell, styles.chair)}>
                  <span className={styles.narrowLabel} aria-hidden="true">
                    {col.chair}:{' '}
                  </span>
                  {meeting.chair?.name ?? t.yearPlan.noChair}
                </td>
                <td role="cell" className={mergeClasses(styles.cell, styles.place)}>
                  <span className={styles.narrowLabel} aria-hidden="true">
                    {col.place}:{' '}
                  </span>
                  {meeting.place}
                </td>
                <td role="cell" className={mergeClasses(styles.cell, styles.status)}>
                  <MeetingStatusBadge status={meeting.status} startsAt={meeting.startsAt} />
                </td>
                {actions && (
                  <td role="cell" className={mergeClasses(styles.cell, styles.actions)}>
                    {actions.render(meeting)}
                  </td>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
