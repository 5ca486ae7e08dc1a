/** "Radera personuppgifter": asks first, says what goes and what the public record keeps. */
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
import { asApiError, type ApiClient } from '../../api';
import { useI18n } from '../../i18n';
import { eraseMember, type MemberPerson } from './members-api';
import { useMembersStrings } from './members-strings';

const useStyles = makeStyles({
  surface: { maxWidth: 'min(480px, calc(100vw - 16px))', padding: tokens.spacingHorizontalL },
  content: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
});

export function EraseMemberDialog({
  api,
  groupId,
  person,
  onClose,
  onErased,
}: {
  api: ApiClient;
  groupId: string;
  person: MemberPerson;
  onClose: () => void;
  onErased: (person: MemberPerson) => void;
}) {
  const styles = useStyles();
  const s = useMembersStrings();
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const busyRef = useRef(false);

  const confirm = async (): Promise<void> => {
    if (busyRef.current) return;
    busyRef.current = true;
    setBusy(true);
    setError(null);
    try {
      await eraseMember(api, groupId, person.id);
      onErased(person);
    } catch (caught) {
      const failure = asApiError(caught);
      const text = t.errors[failure.kind];
      setError(failure.kind === 'conflict' ? s.eraseConflict : `${s.eraseFailed} ${text.title}. ${text.action}`);
    } finally {
      busyRef.current = false;
      setBusy(false);
    }
  };

  return (
    <Dialog modalType="alert" open onOpenChange={(_, data) => !data.open && !busy && onClose()}>
      <DialogSurface className={styles.surface}>
        <DialogBody>
          <DialogTitle>{s.eraseTitle(person.name)}</DialogTitle>
          <DialogContent className={styles.content}>
            <Text>{s.eraseBody}</Text>
            <Text>{s.eraseKept}</Text>
            {error && (
              <MessageBar intent="error" layout="multiline" role="alert">
                <MessageBarBody>{error}</MessageBarBody>
              </MessageBar>
            )}
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={() => void confirm()} disabled={busy} icon={busy ? <Spinner size="tiny" /> : undefined}>
              {s.confirmErase}
            </Button>
            <Button appearance="secondary" onClick={onClose} disabled={busy}>
              {s.keep}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
