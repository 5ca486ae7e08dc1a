/** Proposals waiting for a decision: accept (onto this meeting's agenda), defer, or decline with a reason. */
import {
  Badge,
  Body1,
  Button,
  Caption1,
  Card,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Select,
  Textarea,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import { asApiError, type ApiError } from '../../api';
import { useI18n } from '../../i18n';
import { EmptyState } from '../status-views';
import type { BacklogProposal, Decision, MeetingAgenda } from './meeting-api';
import { useMeetingStrings } from './meeting-strings';

const useStyles = makeStyles({
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  card: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXS },
  head: { display: 'flex', flexWrap: 'wrap', alignItems: 'baseline', columnGap: tokens.spacingHorizontalS },
  h4: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold, overflowWrap: 'anywhere' },
  meta: { color: tokens.colorNeutralForeground2 },
  description: { margin: 0, whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', maxWidth: '70ch' },
  actions: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalXS },
  form: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
});

type Open = { kind: 'defer' | 'decline'; proposal: BacklogProposal } | null;

export function BacklogSection({
  agenda,
  onDecide,
}: {
  agenda: MeetingAgenda;
  onDecide: (proposal: BacklogProposal, decision: Decision) => Promise<void>;
}) {
  const styles = useStyles();
  const s = useMeetingStrings();
  const { dates } = useI18n();
  const [open, setOpen] = useState<Open>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<{ proposalId: string; error: ApiError } | null>(null);

  const decide = async (proposal: BacklogProposal, decision: Decision): Promise<boolean> => {
    setBusy(proposal.id);
    setError(null);
    try {
      await onDecide(proposal, decision);
      return true;
    } catch (caught) {
      setError({ proposalId: proposal.id, error: asApiError(caught) });
      return false;
    } finally {
      setBusy(null);
    }
  };

  if (agenda.backlog.length === 0) return <EmptyState>{s.backlogEmpty}</EmptyState>;
  return (
    <>
      <ul className={styles.list}>
        {agenda.backlog.map((proposal) => (
          <li key={proposal.id}>
            <Card className={styles.card}>
              <div className={styles.head}>
                <h4 className={styles.h4}>{proposal.title}</h4>
                <Badge appearance="tint" color="informative">
                  {s.kinds[proposal.kind]}
                </Badge>
                <Caption1 className={styles.meta}>{s.minutesNeeded(proposal.minutesNeeded)}</Caption1>
              </div>
              <Caption1 className={styles.meta}>
                {s.proposedBy(proposal.proposerName ?? '–', proposal.organisationName)}
                {' · '}
                {proposal.meeting ? `${proposal.meeting.title}, ${dates.longDate(proposal.meeting.startsAt)}` : s.noMeetingYet}
              </Caption1>
              {proposal.missedMeeting && <Caption1 className={styles.meta}>{s.lateFor(proposal.missedMeeting.title)}</Caption1>}
              {proposal.description && (
                <Body1 as="p" className={styles.description}>
                  {proposal.description}
                </Body1>
              )}
              {error?.proposalId === proposal.id && (
                <Caption1 role="alert" style={{ color: tokens.colorPaletteRedForeground1 }}>
                  {error.error.message}
                </Caption1>
              )}
              <div className={styles.actions}>
                <Button
                  appearance="primary"
                  disabled={busy !== null || !agenda.canEdit}
                  // Onto this meeting's agenda, also when it came in for no meeting or another one.
                  onClick={() => void decide(proposal, { decision: 'accept', meetingId: agenda.meeting.id })}
                >
                  {s.accept}
                </Button>
                <Button disabled={busy !== null} onClick={() => setOpen({ kind: 'defer', proposal })}>
                  {s.defer}
                </Button>
                <Button disabled={busy !== null} onClick={() => setOpen({ kind: 'decline', proposal })}>
                  {s.decline}
                </Button>
              </div>
            </Card>
          </li>
        ))}
      </ul>
      {open && (
        <DecisionDialog
          open={open}
          agenda={agenda}
          onClose={() => setOpen(null)}
          onConfirm={async (decision) => {
            if (await decide(open.proposal, decision)) setOpen(null);
          }}
          error={error?.proposalId === open.proposal.id ? error.error : null}
        />
      )}
    </>
  );
}

function DecisionDialog({
  open,
  agenda,
  onClose,
  onConfirm,
  error,
}: {
  open: NonNullable<Open>;
  agenda: MeetingAgenda;
  onClose: () => void;
  onConfirm: (decision: Decision) => Promise<void>;
  error: ApiError | null;
}) {
  const styles = useStyles();
  const s = useMeetingStrings();
  const { dates } = useI18n();
  const targets = agenda.deferTargets.filter((m) => m.id !== open.proposal.meeting?.id);
  const [meetingId, setMeetingId] = useState(targets.find((m) => m.id !== agenda.meeting.id)?.id ?? targets[0]?.id ?? '');
  const [text, setText] = useState('');
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const defer = open.kind === 'defer';
  const reasonMissing = !defer && text.trim() === '';

  const submit = async (): Promise<void> => {
    setTried(true);
    if (reasonMissing || (defer && !meetingId)) return;
    setBusy(true);
    await onConfirm(
      defer
        ? { decision: 'defer', meetingId, ...(text.trim() ? { note: text.trim() } : {}) }
        : { decision: 'decline', reason: text.trim() },
    );
    setBusy(false);
  };

  return (
    <Dialog open modalType="modal" onOpenChange={(_event, data) => !data.open && onClose()}>
      <DialogSurface>
        <form
          // Our own message, in the page's language and tied to the field, instead of the browser's bubble.
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            void submit();
          }}
        >
          <DialogBody>
            <DialogTitle>{defer ? s.deferTitle(open.proposal.title) : s.declineTitle(open.proposal.title)}</DialogTitle>
            <DialogContent className={styles.form}>
              {defer && (
                <Field label={s.deferTo} required>
                  <Select value={meetingId} onChange={(_event, data) => setMeetingId(data.value)}>
                    {targets.map((m) => (
                      <option key={m.id} value={m.id}>
                        {`${m.title}, ${dates.longDate(m.startsAt)}`}
                      </option>
                    ))}
                  </Select>
                </Field>
              )}
              <Field
                label={defer ? s.deferNote : s.declineReason}
                required={!defer}
                validationState={tried && reasonMissing ? 'error' : 'none'}
                validationMessage={tried && reasonMissing ? s.declineReasonRequired : error?.message}
              >
                <Textarea value={text} maxLength={1000} resize="vertical" onChange={(_event, data) => setText(data.value)} />
              </Field>
            </DialogContent>
            <DialogActions>
              <Button appearance="secondary" onClick={onClose}>
                {s.cancel}
              </Button>
              <Button appearance="primary" type="submit" disabled={busy}>
                {defer ? s.defer : s.decline}
              </Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
