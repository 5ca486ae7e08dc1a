/**
 * One action in a dialog: who owns it, when it is due, the owner's latest status answer, its
 * history (decided at, status answers, changes in the tab) and, for those allowed, a form to
 * change its status (the owner and strategists), due date and owner (strategists). Only what was
 * changed is sent; the dialog then shows the action as the service stored it.
 */
import {
  Badge,
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Select,
  Spinner,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { asApiError, type ApiClient } from '../../api';
import { useI18n } from '../../i18n';
import { useResource } from '../../use-resource';
import { ErrorState, LoadingState } from '../status-views';
import { STATUS_COLOUR } from './action-table';
import {
  ACTION_STATUSES,
  changeAction,
  getAction,
  type ActionChanges,
  type ActionDetail,
  type ActionStatus,
  type HistoryEntry,
  type PersonRef,
} from './actions-api';
import { useActionsStrings, type ActionsStrings } from './actions-strings';

const NO_OWNER = '(none)';

const useStyles = makeStyles({
  surface: { maxWidth: 'min(640px, calc(100vw - 16px))', padding: tokens.spacingHorizontalL },
  content: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
  facts: {
    display: 'grid',
    gridTemplateColumns: 'max-content 1fr',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXS,
    margin: 0,
  },
  term: { color: tokens.colorNeutralForeground2 },
  value: { margin: 0, minWidth: 0, overflowWrap: 'anywhere' },
  h3: { margin: 0, fontSize: tokens.fontSizeBase400, lineHeight: tokens.lineHeightBase400, fontWeight: tokens.fontWeightSemibold },
  history: {
    margin: 0,
    paddingInlineStart: tokens.spacingHorizontalXL,
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalS,
  },
  when: { display: 'block', color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  comment: { display: 'block', fontStyle: 'italic', overflowWrap: 'anywhere' },
  form: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
  grid: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(min(100%, 170px), 1fr))',
    alignItems: 'start',
    gap: tokens.spacingHorizontalM,
  },
  /** A long name shortens the select, not widens the dialog. */
  select: { minWidth: 0, maxWidth: '100%' },
  badge: { marginInlineStart: tokens.spacingHorizontalXS },
});

function personName(s: ActionsStrings, person: PersonRef | null): string {
  return person ? (person.name ?? s.unknownPerson) : s.noOwner;
}

function HistoryText({ entry }: { entry: HistoryEntry }) {
  const styles = useStyles();
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

function ChangeForm({
  api,
  groupId,
  detail,
  members,
  onSaved,
}: {
  api: ApiClient;
  groupId: string;
  detail: ActionDetail;
  members: PersonRef[];
  onSaved: (detail: ActionDetail) => void;
}) {
  const styles = useStyles();
  const s = useActionsStrings();
  const { t } = useI18n();
  const { action } = detail;
  const initial = { status: action.status, dueDate: action.dueDate ?? '', owner: action.owner?.id ?? NO_OWNER };
  const [draft, setDraft] = useState(initial);
  const [error, setError] = useState<{ field: 'dueDate' | null; text: string } | null>(null);
  const [saving, setSaving] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  const may = (field: 'status' | 'dueDate' | 'owner') => action.changeable.includes(field);
  // The owner may be someone who left the group: they stay a choice until changed.
  const owners = action.owner && !members.some((m) => m.id === action.owner?.id) ? [action.owner, ...members] : members;

  useEffect(() => setDraft({ status: action.status, dueDate: action.dueDate ?? '', owner: action.owner?.id ?? NO_OWNER }), [action]);

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if (saving) return;
    const body: ActionChanges = {};
    if (draft.status !== initial.status) body.status = draft.status;
    if (draft.dueDate.trim() !== initial.dueDate) {
      const due = draft.dueDate.trim();
      if (due !== '' && !/^\d{4}-\d{2}-\d{2}$/.test(due)) {
        setError({ field: 'dueDate', text: s.dueInvalid });
        return;
      }
      body.dueDate = due === '' ? null : due;
    }
    if (draft.owner !== initial.owner) body.ownerPersonId = draft.owner === NO_OWNER ? null : draft.owner;
    if (Object.keys(body).length === 0) return;
    setSaving(true);
    setError(null);
    setAnnouncement('');
    try {
      onSaved(await changeAction(api, groupId, action.id, body));
      setAnnouncement(s.saved);
    } catch (caught) {
      const apiError = asApiError(caught);
      if (apiError.status === 403) setError({ field: null, text: s.forbidden });
      else if (/dueDate/.test(apiError.message)) setError({ field: 'dueDate', text: s.dueInvalid });
      else setError({ field: null, text: `${t.errors[apiError.kind].title}. ${t.errors[apiError.kind].action}` });
    } finally {
      setSaving(false);
    }
  };

  return (
    <form className={styles.form} onSubmit={(event) => void submit(event)} noValidate aria-label={s.edit}>
      <h3 className={styles.h3}>{s.edit}</h3>
      {!may('dueDate') && <p className={styles.value}>{s.editIntro}</p>}
      <div className={styles.grid}>
        <Field label={s.status}>
          <Select
            className={styles.select}
            value={draft.status}
            onChange={(_, d) => setDraft((p) => ({ ...p, status: d.value as ActionStatus }))}
          >
            {ACTION_STATUSES.map((status) => (
              <option key={status} value={status}>
                {s.statuses[status]}
              </option>
            ))}
          </Select>
        </Field>
        {may('dueDate') && (
          <Field label={s.dueDate} hint={s.dueHint} validationMessage={error?.field === 'dueDate' ? error.text : undefined}>
            <Input
              inputMode="numeric"
              maxLength={10}
              value={draft.dueDate}
              onChange={(_, d) => setDraft((p) => ({ ...p, dueDate: d.value }))}
            />
          </Field>
        )}
        {may('owner') && (
          <Field label={s.owner}>
            <Select className={styles.select} value={draft.owner} onChange={(_, d) => setDraft((p) => ({ ...p, owner: d.value }))}>
              <option value={NO_OWNER}>{s.noOwner}</option>
              {owners.map((person) => (
                <option key={person.id} value={person.id}>
                  {person.organisation ? `${personName(s, person)} (${person.organisation.name})` : personName(s, person)}
                </option>
              ))}
            </Select>
          </Field>
        )}
      </div>
      {error && error.field === null && (
        <MessageBar intent="error" layout="multiline" role="alert">
          <MessageBarBody>
            {s.changeFailed} {error.text}
          </MessageBarBody>
        </MessageBar>
      )}
      <div>
        <Button appearance="primary" type="submit" disabledFocusable={saving} icon={saving ? <Spinner size="tiny" /> : undefined}>
          {saving ? s.saving : s.save}
        </Button>
      </div>
      <p className={styles.value} role="status" aria-live="polite">
        {announcement}
      </p>
    </form>
  );
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
  const styles = useStyles();
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
