/** Send the kallelse (with a confirmation), and what the send achieved. */
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  DialogTrigger,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { SendRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import { asApiError, type ApiError } from '../../api';
import { ErrorState } from '../status-views';
import type { MeetingAgenda, SendReport } from './meeting-api';
import { useMeetingStrings } from './meeting-strings';

const useStyles = makeStyles({
  body: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS, alignItems: 'flex-start' },
  help: { color: tokens.colorNeutralForeground2, margin: 0, maxWidth: '70ch' },
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalXL },
});

export function KallelseSection({
  agenda,
  dirty,
  onSend,
}: {
  agenda: MeetingAgenda;
  /** The agenda has unsaved changes: they would not be in the kallelse. */
  dirty: boolean;
  onSend: () => Promise<SendReport>;
}) {
  const styles = useStyles();
  const s = useMeetingStrings();
  const [sending, setSending] = useState(false);
  const [report, setReport] = useState<SendReport | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const sent = agenda.meeting.status === 'called';

  const send = async (): Promise<void> => {
    setSending(true);
    setError(null);
    try {
      setReport(await onSend());
    } catch (caught) {
      setError(asApiError(caught));
    } finally {
      setSending(false);
    }
  };

  return (
    <div className={styles.body}>
      <p className={styles.help}>{sent ? s.kallelseSent : s.kallelseNotSent}</p>
      <Dialog modalType="alert">
        <DialogTrigger disableButtonEnhancement>
          <Button
            appearance={sent ? 'secondary' : 'primary'}
            icon={sending ? <Spinner size="tiny" /> : <SendRegular />}
            disabled={sending || dirty || !agenda.canEdit}
          >
            {sending ? s.sending : sent ? s.sendKallelseAgain : s.sendKallelse}
          </Button>
        </DialogTrigger>
        <DialogSurface>
          <DialogBody>
            <DialogTitle>{s.sendConfirmTitle}</DialogTitle>
            <DialogContent>{s.sendConfirmBody(agenda.items.length)}</DialogContent>
            <DialogActions>
              <DialogTrigger disableButtonEnhancement>
                <Button appearance="secondary">{s.cancel}</Button>
              </DialogTrigger>
              <DialogTrigger disableButtonEnhancement>
                <Button appearance="primary" onClick={() => void send()}>
                  {s.sendKallelse}
                </Button>
              </DialogTrigger>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
      {dirty && <Text className={styles.help}>{s.saveFirst}</Text>}
      {!sent && <Text className={styles.help}>{s.scheduledLater}</Text>}
      {error && <ErrorState error={error} />}
      {report && (
        <MessageBar intent={report.notReached.length ? 'warning' : 'success'} layout="multiline" role="status">
          <MessageBarBody>
            <MessageBarTitle>
              {s.report({
                sent: report.sent,
                alreadySent: report.alreadySent,
                mailed: report.mailed.length,
                notReached: report.notReached.length,
              })}
            </MessageBarTitle>
            {report.notReached.length > 0 && (
              <>
                <Text weight="semibold">{s.notReachedTitle}</Text>
                <ul className={styles.list}>
                  {report.notReached.map((n) => (
                    <li key={n.name}>{n.name}</li>
                  ))}
                </ul>
              </>
            )}
          </MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}
