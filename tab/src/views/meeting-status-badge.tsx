/** A meeting's status as a badge: the word carries the meaning, the colour only repeats it. */
import { Badge, makeStyles, tokens, type BadgeProps } from '@fluentui/react-components';
import type { MeetingStatus } from '../api-types';
import { useI18n } from '../i18n';

const COLOURS: Record<MeetingStatus | 'past', NonNullable<BadgeProps['color']>> = {
  past: 'subtle',
  planned: 'informative',
  called: 'brand',
  held: 'success',
  minutes_published: 'success',
  cancelled: 'danger',
};

const useStyles = makeStyles({
  /**
   * Kept on one line where there is room; in a 280 px side panel "minnesanteckningar publicerade"
   * may still need two lines, so the badge grows instead of clipping.
   */
  badge: {
    height: 'auto',
    minHeight: '20px',
    textAlign: 'start',
    paddingBlock: tokens.spacingVerticalXXS,
    lineHeight: tokens.lineHeightBase200,
    whiteSpace: 'nowrap',
    '@media (max-width: 360px)': { whiteSpace: 'normal' },
  },
});

/** A meeting still "planned" after its time is shown as past, not as if it were to come. */
export function MeetingStatusBadge({ status, startsAt }: { status: MeetingStatus; startsAt: string }) {
  const { t } = useI18n();
  const styles = useStyles();
  const shown = (status === 'planned' || status === 'called') && Date.parse(startsAt) < Date.now() ? 'past' : status;
  return (
    <Badge className={styles.badge} appearance="tint" color={COLOURS[shown]} shape="rounded">
      {t.statuses[shown]}
    </Badge>
  );
}
