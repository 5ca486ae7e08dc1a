/** "Ställ in mötet": asks first, says what follows (the kallelse, proposals), never deletes. */
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  MessageBar,
  MessageBarBody,
  Spinner,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useRef, useState } from 'react';
import type { Meeting } from '../../api-types';
import { asApiError } from '../../api';
import { useI18n } from '../../i18n';
import { explainError } from './plan-errors';
import type { MeetingChangeResult, PlanApi } from './plan-api';
import { usePlanStrings } from './plan-strings';

const useStyles = makeStyles({
  surface: { maxWidth: 'min(480px, calc(100vw - 16px))', padding: tokens.spacingHorizontalL },
  content: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
});

export function CancelMeetingDialog({
  api,
  meeting,
  onClose,
  onCancelled,
}: {
  api: PlanApi;
  meeting: Meeting;
  onClose: () => void;
  onCancelled: (result: MeetingChangeResult) => void;
}) {
  const styles = useStyles();
  const s = usePlanStrings();
  const { t, dates } = useI18n();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const busyRef = useRef(false);

  const confirm = async (): Promise<void> => {
    if (busyRef.current) return;
    busyRef.current = true;
    setBusy(true);
    setError(null);
    try {
      onCancelled(await api.cancel(meeting.id));
    } catch (caught) {
      setError(explainError(asApiError(caught), s, t).text);
    } finally {
      busyRef.current = false;
      setBusy(false);
    }
  };

  return (
    <Dialog modalType="alert" open onOpenChange={(_, data) => !data.open && !busy && onClose()}>
      <DialogSurface className={styles.surface}>
        <DialogBody>
          <DialogTitle>{s.cancelTitle(meeting.title)}</DialogTitle>
          <DialogContent className={styles.content}>
            <Text>{s.cancelBody(`${dates.longDate(meeting.startsAt)} ${dates.time(meeting.startsAt)}`)}</Text>
            {meeting.status === 'called' && (
              <MessageBar intent="warning" layout="multiline">
                <MessageBarBody>{s.cancelCalled}</MessageBarBody>
              </MessageBar>
            )}
            {error && (
              <MessageBar intent="error" layout="multiline" role="alert">
                <MessageBarBody>{error}</MessageBarBody>
              </MessageBar>
            )}
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={() => void confirm()} disabled={busy} icon={busy ? <Spinner size="tiny" /> : undefined}>
              {s.confirmCancel}
            </Button>
            <Button appearance="secondary" onClick={onClose} disabled={busy}>
              {s.keepMeeting}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
