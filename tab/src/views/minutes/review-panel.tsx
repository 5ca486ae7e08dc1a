/**
 * Granskning: who has approved the current text, the approve button for members, and publishing
 * for the writers — offered only when the chair and one more member have approved, otherwise
 * shown with the reason, and always confirmed in a dialog first.
 */
import {
  Body1,
  Button,
  Caption1,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Subtitle2,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useId, useState } from 'react';
import type { Minutes } from './minutes-api';
import { useMinutesStrings } from './minutes-strings';
import { useCardStyles } from './minutes-styles';

const useStyles = makeStyles({
  h3: { margin: 0 },
  muted: { margin: 0, color: tokens.colorNeutralForeground2 },
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalXL },
  stale: { color: tokens.colorNeutralForeground3 },
  buttons: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center' },
});

export function ReviewPanel({
  minutes,
  canWrite,
  dirty,
  busy,
  onApprove,
  onPublish,
  onRefresh,
}: {
  minutes: Minutes;
  /** The caller writes the minutes (strategist or chair): they are offered publishing. */
  canWrite: boolean;
  /** Unsaved changes: approving or publishing waits until they are saved. */
  dirty: boolean;
  busy: 'approve' | 'publish' | null;
  onApprove: () => void;
  onPublish: () => void;
  /** Read the minutes again, e.g. to see who has approved since. */
  onRefresh: () => void;
}) {
  const styles = useStyles();
  const card = useCardStyles();
  const s = useMinutesStrings();
  const headingId = useId();
  const reasonId = useId();
  const [confirming, setConfirming] = useState(false);
  const { review, permissions } = minutes;
  const blocker = permissions.publishBlocker;
  const reason = dirty ? s.waitForSave : blocker ? s.publishBlocker(blocker, minutes.meeting.chair?.name ?? null) : null;
  const publishable = permissions.publish && !dirty;

  return (
    <section className={card.card} aria-labelledby={headingId}>
      <Subtitle2 as="h3" id={headingId} className={styles.h3}>
        {s.review}
      </Subtitle2>
      <Body1 as="p" className={styles.muted}>
        {s.reviewIntro}
      </Body1>
      {review.approvals.length === 0 ? (
        <Body1 as="p" className={styles.muted}>
          {s.noApprovals}
        </Body1>
      ) : (
        <ul className={styles.list}>
          {review.approvals.map((approval) => (
            <li key={approval.person.id} className={approval.current ? undefined : styles.stale}>
              {approval.current ? s.approvedBy(approval.person.name, approval.asChair) : s.approvedEarlier(approval.person.name)}
            </li>
          ))}
        </ul>
      )}
      <div className={styles.buttons}>
        {permissions.approve && (
          <Button appearance={canWrite ? 'secondary' : 'primary'} disabledFocusable={dirty || busy !== null} onClick={onApprove}>
            {busy === 'approve' ? s.approving : s.approve}
          </Button>
        )}
        {permissions.approved && <Caption1>{s.youApproved}</Caption1>}
        <Button appearance="subtle" disabledFocusable={dirty || busy !== null} onClick={onRefresh}>
          {s.refresh}
        </Button>
        {canWrite && (
          <Button
            appearance="primary"
            disabledFocusable={!publishable || busy !== null}
            aria-describedby={reason ? reasonId : undefined}
            onClick={() => setConfirming(true)}
          >
            {busy === 'publish' ? s.publishing : s.publish}
          </Button>
        )}
      </div>
      {canWrite && reason && (
        <Caption1 id={reasonId} className={styles.muted}>
          {reason}
        </Caption1>
      )}
      <Dialog open={confirming} onOpenChange={(_event, data) => setConfirming(data.open)}>
        <DialogSurface>
          <DialogBody>
            <DialogTitle>{s.publishTitle}</DialogTitle>
            <DialogContent>{s.publishBody}</DialogContent>
            <DialogActions>
              <Button
                appearance="primary"
                onClick={() => {
                  setConfirming(false);
                  onPublish();
                }}
              >
                {s.publishConfirm}
              </Button>
              <Button onClick={() => setConfirming(false)}>{s.cancel}</Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </section>
  );
}
