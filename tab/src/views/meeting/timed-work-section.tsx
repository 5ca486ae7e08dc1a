/**
 * Utskick: what Arbetsrum sends on its own for this meeting (the call, the reminders, the
 * kallelse, the status request, the nudge after the minutes), when, and how it went; a failed one
 * can be tried again. Strategists only.
 */
import { Badge, Button } from '@fluentui/react-components';
import { useState } from 'react';
import { asApiError, type ApiError } from '../../api';
import { useI18n } from '../../i18n';
import { useSharedStyles } from '../../shared-styles';
import type { Resource } from '../../use-resource';
import { EmptyState, ErrorState, LoadingState } from '../status-views';
import type { TimedRun } from './meeting-api';
import { useEntryListStyles } from './entry-list-styles';
import { useFollowUpStrings } from './follow-up-strings';

const COLOUR = { scheduled: 'informative', running: 'warning', done: 'success', failed: 'danger', cancelled: 'subtle' } as const;

/** One entry per run (a list, not a table: it must read well in a 280 px side panel too). */
export function TimedWorkSection({
  meetingId,
  timed,
  onRetry,
}: {
  meetingId: string;
  timed: Resource<{ runs: TimedRun[] }>;
  onRetry: (key: string) => Promise<void>;
}) {
  const styles = useEntryListStyles();
  const shared = useSharedStyles();
  const s = useFollowUpStrings();
  const { dates } = useI18n();
  const [busy, setBusy] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  if (!timed.data) {
    return timed.error ? <ErrorState error={timed.error} onRetry={timed.reload} /> : <LoadingState label={s.loadingTimed} />;
  }
  const runs = timed.data.runs.filter((r) => r.meeting?.id === meetingId);
  if (runs.length === 0) return <EmptyState>{s.timedEmpty}</EmptyState>;
  const retry = async (run: TimedRun) => {
    setBusy(run.key);
    setError(null);
    try {
      await onRetry(run.key);
      setAnnouncement(s.retried(s.kinds[run.kind]));
    } catch (caught) {
      setError(asApiError(caught));
    } finally {
      setBusy(null);
    }
  };
  return (
    <>
      <div className={shared.visuallyHidden} role="status" aria-live="polite">
        {announcement}
      </div>
      {error !== null && <ErrorState error={error} />}
      <ul className={styles.list} aria-label={s.timedTitle}>
        {runs.map((run) => (
          <li key={run.key} className={styles.item}>
            <span className={styles.title}>{s.kinds[run.kind]}</span>
            <span className={styles.sub}>{`${dates.longDate(run.runAt)} ${dates.time(run.runAt)}`}</span>
            <span className={styles.row}>
              <Badge appearance="tint" color={COLOUR[run.state]}>
                {s.states[run.state]}
              </Badge>
              {run.outcome && run.state === 'done' && <span className={styles.sub}>{s.outcome(run.outcome)}</span>}
              {run.outcome && run.state === 'running' && <span className={styles.sub}>{s.soFar(s.outcome(run.outcome))}</span>}
              {run.state === 'failed' && run.failure && <span className={styles.sub}>{s.failures[run.failure]}</span>}
              {run.state === 'failed' && (
                <Button size="small" disabled={busy !== null} onClick={() => void retry(run)}>
                  {busy === run.key ? s.retrying : s.retry}
                </Button>
              )}
            </span>
          </li>
        ))}
      </ul>
    </>
  );
}
