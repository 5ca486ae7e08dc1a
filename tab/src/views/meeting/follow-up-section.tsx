/**
 * Uppföljning av åtgärder: the group's open actions from earlier minutes, with their owners'
 * answers to the status request (Klar / Pågår / Hinder and a comment), for the meeting to take up.
 */
import { Badge } from '@fluentui/react-components';
import { useI18n } from '../../i18n';
import type { Resource } from '../../use-resource';
import { EmptyState, ErrorState, LoadingState } from '../status-views';
import type { FollowUpAction } from './meeting-api';
import { useEntryListStyles } from './entry-list-styles';
import { useFollowUpStrings } from './follow-up-strings';

const COLOUR = { open: 'subtle', in_progress: 'informative', blocked: 'danger', done: 'success' } as const;

/** One entry per action (a list, not a table: it must read well in a 280 px side panel too). */
export function FollowUpSection({ followUp }: { followUp: Resource<{ actions: FollowUpAction[] }> }) {
  const styles = useEntryListStyles();
  const s = useFollowUpStrings();
  const { dates } = useI18n();
  if (!followUp.data) {
    return followUp.error ? <ErrorState error={followUp.error} onRetry={followUp.reload} /> : <LoadingState label={s.loadingFollowUp} />;
  }
  const { actions } = followUp.data;
  if (actions.length === 0) return <EmptyState>{s.followUpEmpty}</EmptyState>;
  return (
    <ul className={styles.list} aria-label={s.followUpTitle}>
      {actions.map((action) => {
        const status = action.answer?.status ?? action.status;
        const owner = action.owner
          ? [action.owner.name, action.owner.organisationName].filter((part) => part !== null).join(', ')
          : s.noOwner;
        const due = action.dueDate ? `${s.due} ${dates.longDate(`${action.dueDate}T12:00:00Z`)}` : null;
        return (
          <li key={action.id} className={styles.item}>
            <span className={styles.title}>{action.title}</span>
            <span className={styles.sub}>
              {[`${s.owner}: ${owner}`, s.decidedAt(action.decidedAt.title), due].filter(Boolean).join(' · ')}
            </span>
            <span className={styles.row}>
              <Badge appearance="tint" color={COLOUR[status]}>
                {s.actionStatus[status]}
              </Badge>
              {action.answer ? (
                action.answer.comment && <span className={styles.text}>{action.answer.comment}</span>
              ) : (
                <span className={styles.sub}>{s.noAnswer}</span>
              )}
            </span>
          </li>
        );
      })}
    </ul>
  );
}
