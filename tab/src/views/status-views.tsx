/** Loading, error and empty states shared by every view. */
import {
  Button,
  Caption1,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { cardSurface } from '../shared-styles';
import type { ReactNode } from 'react';
import type { ApiError } from '../api';
import { useI18n } from '../i18n';

const useStyles = makeStyles({
  loading: {
    display: 'flex',
    justifyContent: 'center',
    paddingBlock: tokens.spacingVerticalXXXL,
  },
  body: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXS },
  code: { color: tokens.colorNeutralForeground3 },
  empty: {
    padding: tokens.spacingHorizontalL,
    ...cardSurface,
    color: tokens.colorNeutralForeground2,
  },
});

export function LoadingState({ label }: { label: string }) {
  const styles = useStyles();
  return (
    <div className={styles.loading}>
      <Spinner label={label} labelPosition="below" size="medium" />
    </div>
  );
}

export function ErrorState({ error, onRetry }: { error: ApiError; onRetry?: (() => void) | undefined }) {
  const styles = useStyles();
  const { t } = useI18n();
  const text = t.errors[error.kind];
  return (
    <MessageBar intent="error" layout="multiline" role="alert">
      <MessageBarBody>
        <div className={styles.body}>
          <MessageBarTitle>{text.title}</MessageBarTitle>
          <Text>{text.action}</Text>
          <Caption1 className={styles.code}>{t.errorCode(error.code)}</Caption1>
        </div>
      </MessageBarBody>
      {onRetry && (
        <MessageBarActions>
          <Button appearance="primary" onClick={onRetry}>
            {t.retry}
          </Button>
        </MessageBarActions>
      )}
    </MessageBar>
  );
}

export function EmptyState({ children }: { children: ReactNode }) {
  const styles = useStyles();
  return (
    <div className={styles.empty}>
      <Text>{children}</Text>
    </div>
  );
}
