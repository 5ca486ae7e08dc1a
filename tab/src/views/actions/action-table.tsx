/**
 * The åtgärdslista as a table: Åtgärd – Ansvarig – Förvaltning – Klart senast – Status. Overdue
 * actions say so in words (*Försenad*) beside the date, with a marked border — never by colour
 * alone. Up to 900 px each row becomes a card with the column names shown; the explicit ARIA roles
 * keep the table semantics a CSS display change can drop. The title opens the action's details.
 */
import { Badge, Link, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { cardSurface } from '../../shared-styles';
import { useI18n } from '../../i18n';
import type { ActionEntry, ActionStatus } from './actions-api';
import { useActionsStrings } from './actions-strings';

const NARROW = '@media (max-width: 900px)';

export const STATUS_COLOUR = { open: 'subtle', in_progress: 'informative', blocked: 'warning', done: 'success' } as const satisfies Record<
  ActionStatus,
  string
>;

/** A thick start border on overdue rows: seen without colour, and in forced colours too. */
const OVERDUE_EDGE = {
  borderInlineStartWidth: tokens.strokeWidthThickest,
  borderInlineStartStyle: 'solid',
  borderInlineStartColor: tokens.colorPaletteDarkOrangeBorder2,
} as const;

const useStyles = makeStyles({
  frame: {
    ...cardSurface,
    [NARROW]: { backgroundColor: 'transparent', boxShadow: 'none', '@media (forced-colors: active)': { border: 'none' } },
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
    [NARROW]: { position: 'absolute', width: '1px', height: '1px', overflow: 'hidden', clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap' },
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
  body: { [NARROW]: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS } },
  row: {
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    ':last-child': { borderBottom: 'none' },
    [NARROW]: {
      display: 'flex',
      flexDirection: 'column',
      rowGap: tokens.spacingVerticalXXS,
      padding: tokens.spacingHorizontalM,
      backgroundColor: tokens.colorNeutralBackground1,
      borderRadius: tokens.borderRadiusMedium,
      boxShadow: tokens.shadow4,
      border: `${tokens.strokeWidthThin} solid ${tokens.colorTransparentStroke}`,
      ':last-child': { border: `${tokens.strokeWidthThin} solid ${tokens.colorTransparentStroke}` },
    },
  },
  /** A thick start border on overdue rows: seen without colour, and in forced colours too. */
  overdueRow: {
    '& > :first-child': OVERDUE_EDGE,
    [NARROW]: {
      ...OVERDUE_EDGE,
      ':last-child': OVERDUE_EDGE,
      '& > :first-child': { borderInlineStartStyle: 'none' },
    },
  },
  cell: {
    textAlign: 'start',
    verticalAlign: 'top',
    fontWeight: tokens.fontWeightRegular,
    paddingBlock: tokens.spacingVerticalMNudge,
    paddingInline: tokens.spacingHorizontalM,
    minWidth: 0,
    [NARROW]: { display: 'block', padding: 0 },
  },
  title: { minWidth: '14em', overflowWrap: 'anywhere', [NARROW]: { minWidth: 0, fontWeight: tokens.fontWeightSemibold } },
  titleLink: { textAlign: 'start', overflowWrap: 'anywhere' },
  decided: {
    display: 'block',
    color: tokens.colorNeutralForeground2,
    fontSize: tokens.fontSizeBase200,
    fontWeight: tokens.fontWeightRegular,
  },
  due: { whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums', [NARROW]: { whiteSpace: 'normal' } },
  overdueText: { fontWeight: tokens.fontWeightSemibold },
  overdueBadge: { marginInlineStart: tokens.spacingHorizontalXS, verticalAlign: 'text-bottom' },
  status: { whiteSpace: 'nowrap' },
  narrowLabel: { display: 'none', color: tokens.colorNeutralForeground3, [NARROW]: { display: 'inline' } },
});

export function ActionTable({
  actions,
  labelledBy,
  onOpen,
}: {
  actions: ActionEntry[];
  labelledBy: string;
  onOpen: (action: ActionEntry) => void;
}) {
  const styles = useStyles();
  const s = useActionsStrings();
  const { dates } = useI18n();
  const col = s.columns;
  const label = (text: string) => <span className={styles.narrowLabel}>{`${text}: `}</span>;

  return (
    <div className={styles.frame}>
      <table role="table" className={styles.table} aria-labelledby={labelledBy}>
        <thead role="rowgroup" className={styles.head}>
          <tr role="row">
            {[col.action, col.owner, col.organisation, col.due, col.status].map((text) => (
              <th key={text} role="columnheader" scope="col" className={styles.headCell}>
                {text}
              </th>
            ))}
          </tr>
        </thead>
        <tbody role="rowgroup" className={styles.body}>
          {actions.map((action) => (
            <tr key={action.id} role="row" className={mergeClasses(styles.row, action.overdue && styles.overdueRow)}>
              <th role="rowheader" scope="row" className={mergeClasses(styles.cell, styles.title)}>
                <Link as="button" className={styles.titleLink} onClick={() => onOpen(action)} data-action-id={action.id}>
                  {action.title}
                </Link>
                <span className={styles.decided}>{s.decidedAt(dates.dayMonthYear(action.decidedAt.startsAt))}</span>
              </th>
              <td role="cell" className={styles.cell}>
                {label(col.owner)}
                {action.owner ? (action.owner.name ?? s.unknownPerson) : s.noOwner}
              </td>
              <td role="cell" className={styles.cell}>
                {label(col.organisation)}
                {action.organisation?.name ?? '–'}
              </td>
              <td role="cell" className={mergeClasses(styles.cell, styles.due)}>
                {label(col.due)}
                <span className={action.overdue ? styles.overdueText : undefined}>{action.dueDate ?? s.noDue}</span>
                {action.overdue && ' '}
                {action.overdue && (
                  <Badge className={styles.overdueBadge} appearance="filled" color="danger" shape="rounded" size="small">
                    {s.overdue}
                  </Badge>
                )}
              </td>
              <td role="cell" className={mergeClasses(styles.cell, styles.status)}>
                {label(col.status)}
                <Badge appearance="tint" color={STATUS_COLOUR[action.status]} shape="rounded">
                  {s.statuses[action.status]}
                </Badge>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
