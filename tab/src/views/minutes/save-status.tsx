/**
 * Where the autosave stands, in words: "Sparat 13:04", "Sparar…", or what went wrong and what to
 * do. Announced politely to screen readers; a conflict also offers the two ways out.
 */
import {
  Button,
  Caption1,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useI18n } from '../../i18n';
import { useMinutesStrings } from './minutes-strings';
import type { SaveState } from './use-minutes-autosave';

const useStyles = makeStyles({
  line: { color: tokens.colorNeutralForeground3, minHeight: tokens.lineHeightBase200 },
  body: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXS },
});

export function SaveStatus({
  state,
  onRetry,
  onTakeCurrent,
  onKeepMine,
  onReload,
}: {
  state: SaveState;
  onRetry: () => void;
  onTakeCurrent: () => void;
  onKeepMine: () => void;
  onReload: () => void;
}) {
  const styles = useStyles();
  const s = useMinutesStrings();
  const { dates } = useI18n();

  let line = '';
  if (state.kind === 'idle') line = s.notSavedYet;
  else if (state.kind === 'pending') line = s.unsaved;
  else if (state.kind === 'saving') line = s.saving;
  else if (state.kind === 'saved') line = s.saved(dates.time(state.at));

  return (
    <div aria-live="polite">
      {line && <Caption1 className={styles.line}>{line}</Caption1>}
      {state.kind === 'error' && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            {state.error.status === 422 || state.error.status === 400 || state.error.status === 413
              ? s.saveRefused(state.error.message)
              : s.saveFailed}
          </MessageBarBody>
          <MessageBarActions>
            <Button onClick={onRetry}>{s.retrySave}</Button>
          </MessageBarActions>
        </MessageBar>
      )}
      {state.kind === 'conflict' && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <div className={styles.body}>
              <MessageBarTitle>{s.conflictTitle}</MessageBarTitle>
              <span>{s.conflictBody}</span>
            </div>
          </MessageBarBody>
          <MessageBarActions>
            {state.current ? (
              <>
                <Button appearance="primary" onClick={onTakeCurrent}>
                  {s.conflictTake}
                </Button>
                <Button onClick={onKeepMine}>{s.conflictKeep}</Button>
              </>
            ) : (
              <Button onClick={onReload}>{s.refresh}</Button>
            )}
          </MessageBarActions>
        </MessageBar>
      )}
      {state.kind === 'locked' && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <div className={styles.body}>
              <MessageBarTitle>{s.lockedTitle}</MessageBarTitle>
              <span>{s.lockedBody}</span>
            </div>
          </MessageBarBody>
          <MessageBarActions>
            <Button appearance="primary" onClick={onReload}>
              {s.lockedReload}
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
    </div>
  );
}
