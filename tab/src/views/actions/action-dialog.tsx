/**
 * One action in a dialog: who owns it, when it is due, the owner's latest status answer, its
 * history (decided at, status answers, changes in the tab) and, for those allowed, a form to
 * change its status (the owner and strategists), due date and owner (strategists). Only what was
 * changed is sent; the dialog then shows the action as the service stored it.
 */
import { Badge, Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle } from '@fluentui/react-components';
import { useId, useRef, useState } from 'react';
import type { ApiClient } from '../../api';
import { useI18n } from '../../i18n';
import { useResource } from '../../use-resource';
import { ErrorState, LoadingState } from '../status-views';
import { ChangeForm } from './action-change-form';
import { useActionDialogStyles } from './action-dialog-styles';
import { STATUS_COLOUR } from './action-table';
import { getAction, type ActionDetail, type HistoryEntry, type PersonRef } from './actions-api';
import { useActionsStrings } from './actions-strings';
import { personName } from './person-name';

function HistoryText({ entry }: { entry: HistoryEntry }) {
  const styles = useActionDialogStyles();
  const s = useActionsStrings();
  const { dates } = useI18n();
  const meeting = (m: { startsAt: string } | null) => (m ? dates.dayMonthYear(m.startsAt) : null);
  if (entry.kind === 'decided') return <>{s.historyDecided(meeting(entry.meeting) ?? '')}</>;
  if (entry.kind === 'answered') {
    return (
      <>
        {s.historyAnswered(
          entry.by ? personName(s, entry.by) : s.unknownPerson,
          s.statuses[entry.status].toLowerCase(),
          meeting(entry.forMeeting),
        )}
        {entry.comment && <span className={styles.comment}>{`”${entry.comment}”`}</span>}
      </>
    );
  }
  const parts = [
    entry.status && s.historyStatus(s.statuses[entry.status.from].toLowerCase(), s.statuses[entry.status.to].toLowerCase()),
    entry.dueDate && s.historyDue(entry.dueDate.from ?? s.noDue.toLowerCase(), entry.dueDate.to ?? s.noDue.toLowerCase()),
    entry.owner && s.historyOwner(personName(s, entry.owner.from), personName(s, entry.owner.to)),
  ].filter(Boolean);
  return <>{`${s.historyChanged(entry.by ? personName(s, entry.by) : s.system)} ${parts.join(', ')}.`}</>;
}

export function ActionDialog({
  api,
  groupId,
  actionId,
  title,
  members,
  onClose,
  onChanged,
}: {
  api: ApiClient;
  groupId: string;
  actionId: string;
  title: string;
  members: PersonRef[];
  onClose: () => void;
  onChanged: () => void;
}) {
  const styles = useActionDialogStyles();
  const s = useActionsStrings();
  const { dates } = useI18n();
  const historyId = useId();
  const loaded = useResource((signal) => getAction(api, groupId, actionId, signal), [api, groupId, actionId]);
  const [saved, setSaved] = useState<ActionDetail | null>(null);
  const changed = useRef(false);
  const detail = saved ?? loaded.data;

  const close = () => {
    if (changed.current) onChanged();
    onClose();
  };

  let body;
  if (!detail) {
    body = loaded.error ? <ErrorState error={loaded.error} onRetry={loaded.reload} /> : <LoadingState label={s.detailsLoading} />;
  } else {
    const { action, history } = detail;
    body = (
      <>
        <dl className={styles.facts}>
          <dt className={styles.term}>{s.columns.owner}</dt>
          <dd className={styles.value}>{personName(s, action.owner)}</dd>
          <dt className={styles.term}>{s.columns.organisation}</dt>
          <dd className={styles.value}>{action.organisation?.name ?? '–'}</dd>
          <dt className={styles.term}>{s.columns.due}</dt>
          <dd className={styles.value}>
            {action.dueDate ? dates.longDate(`${action.dueDate}T12:00:00Z`) : s.noDue}
            {action.overdue && ' '}
            {action.overdue && (
              <Badge className={styles.badge} appearance="filled" color="danger" shape="rounded" size="small">
                {s.overdue}
              </Badge>
            )}
          </dd>
          <dt className={styles.term}>{s.columns.status}</dt>
          <dd className={styles.value}>
            <Badge appearance="tint" color={STATUS_COLOUR[action.status]} shape="rounded">
              {s.statuses[action.status]}
            </Badge>
          </dd>
          <dt className={styles.term}>{s.meeting}</dt>
          <dd className={styles.value}>{`${action.decidedAt.title}, ${dates.dayMonthYear(action.decidedAt.startsAt)}`}</dd>
          <dt className={styles.term}>{s.latestAnswer}</dt>
          <dd className={styles.value}>
            {action.latestAnswer
              ? `${s.statuses[action.latestAnswer.status]}${action.latestAnswer.comment ? `: ”${action.latestAnswer.comment}”` : ''} (${dates.dayMonthYear(action.latestAnswer.answeredAt)})`
              : s.noAnswer}
          </dd>
        </dl>
        <h3 id={historyId} className={styles.h3}>
          {s.history}
        </h3>
        <ol className={styles.history} aria-labelledby={historyId}>
          {history.map((entry, index) => (
            <li key={`${entry.kind}-${entry.at}-${index}`}>
              <time dateTime={entry.at} className={styles.when}>
                {entry.kind === 'decided' ? dates.longDate(entry.at) : `${dates.longDate(entry.at)} ${dates.time(entry.at)}`}
              </time>
              <HistoryText entry={entry} />
            </li>
          ))}
        </ol>
        {action.changeable.length > 0 && (
          <ChangeForm
            api={api}
            groupId={groupId}
            detail={detail}
            members={members}
            onSaved={(next) => {
              changed.current = true;
              setSaved(next);
            }}
          />
        )}
      </>
    );
  }

  return (
    <Dialog open onOpenChange={(_, data) => !data.open && close()}>
      <DialogSurface className={styles.surface}>
        <DialogBody>
          <DialogTitle>{detail?.action.title ?? title}</DialogTitle>
          <DialogContent className={styles.content}>{body}</DialogContent>
          <DialogActions>
            <Button appearance="secondary" onClick={close}>
              {s.close}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
