/**
 * One framework's goals as a table: the goal, then how many proposals, items, decisions and
 * actions carry it. Goals with nothing are dimmed. At 600 px and below each row becomes a small
 * card whose counts carry their own labels (the header row is then only for screen readers).
 */
import { Button, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { cardSurface } from '../../shared-styles';
import { TAGGED_KINDS, type GoalCounts, type GoalInfo } from './goals-api';
import { useGoalsStrings } from './goals-strings';

const NARROW = '@media (max-width: 600px)';

const useStyles = makeStyles({
  frame: {
    ...cardSurface,
  },
  table: {
    width: '100%',
    borderCollapse: 'collapse',
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    [NARROW]: { display: 'block' },
  },
  // Only for screen readers when narrow. A block, not a table row group: overflow and clip do not
  // apply to table parts, and the header cells would stick out of a 320 px panel.
  head: {
    [NARROW]: {
      display: 'block',
      position: 'absolute',
      width: '1px',
      height: '1px',
      overflow: 'hidden',
      clip: 'rect(0 0 0 0)',
      whiteSpace: 'nowrap',
    },
  },
  th: {
    textAlign: 'end',
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorNeutralForeground2,
    fontSize: tokens.fontSizeBase200,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    whiteSpace: 'nowrap',
  },
  thGoal: { textAlign: 'start', width: '100%' },
  body: { [NARROW]: { display: 'block' } },
  row: {
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    ':last-child': { borderBottom: 'none' },
    [NARROW]: {
      display: 'flex',
      flexWrap: 'wrap',
      columnGap: tokens.spacingHorizontalM,
      rowGap: tokens.spacingVerticalXXS,
      padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    },
  },
  zero: { color: tokens.colorNeutralForeground3 },
  cell: {
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM}`,
    textAlign: 'end',
    fontVariantNumeric: 'tabular-nums',
    [NARROW]: { display: 'inline', padding: 0, textAlign: 'start' },
  },
  goalCell: { textAlign: 'start', [NARROW]: { display: 'block', width: '100%' } },
  cellLabel: { display: 'none', [NARROW]: { display: 'inline', marginInlineEnd: tokens.spacingHorizontalXS } },
  goalButton: {
    justifyContent: 'flex-start',
    textAlign: 'start',
    fontWeight: tokens.fontWeightRegular,
    minWidth: 0,
    paddingInline: 0,
    height: 'auto',
    minHeight: '32px',
    overflowWrap: 'anywhere',
  },
  number: { fontWeight: tokens.fontWeightSemibold, marginInlineEnd: tokens.spacingHorizontalXS },
  retired: { fontStyle: 'italic' },
});

export function GoalCountTable({
  goals,
  labelledBy,
  onSelect,
}: {
  goals: readonly (GoalInfo & { counts: GoalCounts })[];
  labelledBy: string;
  onSelect: (goalId: string) => void;
}) {
  const styles = useStyles();
  const s = useGoalsStrings();
  return (
    <div className={styles.frame}>
      <table role="table" className={styles.table} aria-labelledby={labelledBy}>
        <thead className={styles.head}>
          <tr>
            <th scope="col" className={mergeClasses(styles.th, styles.thGoal)}>
              {s.goalColumn}
            </th>
            {TAGGED_KINDS.map((kind) => (
              <th key={kind} scope="col" className={styles.th}>
                {s.kinds[kind]}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className={styles.body}>
          {goals.map((goal) => {
            const empty = TAGGED_KINDS.every((kind) => goal.counts[kind] === 0);
            return (
              <tr key={goal.id} className={mergeClasses(styles.row, empty && styles.zero)}>
                <th scope="row" className={mergeClasses(styles.cell, styles.goalCell)}>
                  <Button
                    appearance="transparent"
                    className={mergeClasses(styles.goalButton, empty && styles.zero)}
                    aria-label={s.showGoal(`${goal.number}. ${goal.name}`)}
                    onClick={() => onSelect(goal.id)}
                  >
                    <span>
                      <span className={styles.number}>{goal.number}.</span>
                      <span className={goal.retired ? styles.retired : undefined}>
                        {goal.name}
                        {goal.retired ? ` (${s.retired})` : ''}
                      </span>
                    </span>
                  </Button>
                </th>
                {TAGGED_KINDS.map((kind) => (
                  <td key={kind} className={styles.cell}>
                    <span className={styles.cellLabel}>{s.kinds[kind]}</span>
                    {goal.counts[kind]}
                  </td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
