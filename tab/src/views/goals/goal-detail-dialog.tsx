/** One goal's lists in a dialog: the proposals, items, decisions and actions that carry it. */
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { pageText } from '../../shared-styles';
import type { ApiClient } from '../../api';
import { useI18n } from '../../i18n';
import { useResource } from '../../use-resource';
import { ErrorState, LoadingState } from '../status-views';
import { getGoalDetail, TAGGED_KINDS, type Period, type TaggedThing } from './goals-api';
import { goalLabel, useGoalsStrings } from './goals-strings';

const useStyles = makeStyles({
  surface: { maxWidth: 'min(720px, calc(100vw - 24px))', maxHeight: 'calc(100vh - 24px)' },
  content: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalL, maxHeight: '65vh', overflowY: 'auto' },
  h3: pageText.h3,
  list: {
    margin: 0,
    paddingInlineStart: tokens.spacingHorizontalXL,
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalXS,
  },
  item: { overflowWrap: 'anywhere' },
  meta: { display: 'block', color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  quote: { display: 'block', fontStyle: 'italic' },
  none: { margin: 0, color: tokens.colorNeutralForeground2 },
});

function Thing({ thing }: { thing: TaggedThing }) {
  const styles = useStyles();
  const s = useGoalsStrings();
  const { dates } = useI18n();
  const when = thing.meeting ? s.meetingOn(thing.meeting.title, dates.isoDate(thing.meeting.startsAt)) : null;
  const submitted = thing.kind === 'proposal' ? s.submittedOn(dates.isoDate(thing.date)) : null;
  const inherited = s.inheritedFrom[thing.source];
  return (
    <li className={styles.item}>
      {thing.title}
      {thing.text && <span className={styles.quote}>{thing.text}</span>}
      <span className={styles.meta}>{[when, submitted, inherited].filter(Boolean).join(' · ')}</span>
    </li>
  );
}

export function GoalDetailDialog({
  api,
  groupId,
  goalId,
  period,
  onClose,
}: {
  api: ApiClient;
  groupId: string;
  goalId: string;
  period: Period | null;
  onClose: () => void;
}) {
  const styles = useStyles();
  const s = useGoalsStrings();
  const detail = useResource((signal) => getGoalDetail(api, groupId, goalId, period, signal), [api, groupId, goalId, period]);
  const data = detail.data;
  return (
    <Dialog open onOpenChange={(_, d) => !d.open && onClose()}>
      <DialogSurface className={styles.surface}>
        <DialogBody>
          <DialogTitle>{data ? goalLabel(s, data.goal) : s.title}</DialogTitle>
          <DialogContent className={styles.content}>
            {!data ? (
              detail.error ? (
                <ErrorState error={detail.error} onRetry={detail.reload} />
              ) : (
                <LoadingState label={s.detailLoading} />
              )
            ) : (
              TAGGED_KINDS.map((kind) => (
                <section key={kind} aria-label={`${s.kinds[kind]} (${data.counts[kind]})`}>
                  <h3 className={styles.h3}>{`${s.kinds[kind]} (${data.counts[kind]})`}</h3>
                  {data.lists[kind].length === 0 ? (
                    <p className={styles.none}>{s.nothingOfKind}</p>
                  ) : (
                    <ul className={styles.list}>
                      {data.lists[kind].map((thing) => (
                        <Thing key={`${thing.kind}:${thing.id}`} thing={thing} />
                      ))}
                    </ul>
                  )}
                </section>
              ))
            )}
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={onClose}>
              {s.close}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
