/** The next meeting as a card: title, long date, time span, place, online link, chair, countdown. */
import { Badge, Body1, Card, Link, Subtitle2, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { MouseEvent, ReactNode } from 'react';
import type { Meeting } from '../api-types';
import { useI18n } from '../i18n';
import { useSharedStyles } from '../shared-styles';
import { useNow } from '../use-now';
import { countdownText } from './countdown-text';
import { Icon, type IconName } from './icons';
import { MeetingStatusBadge } from './meeting-status-badge';

const useStyles = makeStyles({
  card: {
    rowGap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalL,
    '@media (max-width: 480px)': { padding: tokens.spacingHorizontalM },
  },
  top: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'flex-start',
    justifyContent: 'space-between',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXS,
  },
  title: { margin: 0, overflowWrap: 'anywhere' },
  details: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 220px), 1fr))',
    columnGap: tokens.spacingHorizontalXL,
    rowGap: tokens.spacingVerticalM,
    margin: 0,
  },
  detail: {
    display: 'grid',
    gridTemplateColumns: 'auto 1fr',
    gridTemplateAreas: '"icon label" "icon value"',
    columnGap: tokens.spacingHorizontalS,
    alignItems: 'start',
    alignContent: 'start',
    minWidth: 0,
  },
  icon: {
    gridArea: 'icon',
    color: tokens.colorNeutralForeground3,
    marginBlockStart: tokens.spacingVerticalXXS,
    '@media (forced-colors: active)': { color: 'CanvasText' },
  },
  label: { gridArea: 'label', color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  value: { gridArea: 'value', margin: 0, minWidth: 0, overflowWrap: 'anywhere' },
  footer: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    justifyContent: 'space-between',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalS,
    paddingBlockStart: tokens.spacingVerticalS,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  chair: { display: 'inline-flex', alignItems: 'center', columnGap: tokens.spacingHorizontalS },
  linkIcon: { verticalAlign: 'text-bottom', marginInlineStart: tokens.spacingHorizontalXXS },
});

function Detail({ icon, label, children }: { icon: IconName; label: string; children: ReactNode }) {
  const styles = useStyles();
  return (
    <div className={styles.detail}>
      <Icon name={icon} className={styles.icon} />
      <dt className={styles.label}>{label}</dt>
      <dd className={styles.value}>
        <Body1>{children}</Body1>
      </dd>
    </div>
  );
}

export function NextMeetingCard({ meeting, onOpenLink }: { meeting: Meeting; onOpenLink: (url: string) => void }) {
  const styles = useStyles();
  const shared = useSharedStyles();
  const { t, dates } = useI18n();
  const now = useNow();
  const countdown = countdownText(t, meeting.startsAt, meeting.durationMinutes, now);
  const openOnline = (event: MouseEvent<HTMLAnchorElement>): void => {
    if (!meeting.onlineUrl) return;
    event.preventDefault();
    onOpenLink(meeting.onlineUrl);
  };

  return (
    <Card className={styles.card}>
      <div className={styles.top}>
        <Subtitle2 as="p" className={styles.title}>
          {meeting.title}
        </Subtitle2>
        {countdown && (
          <Badge appearance="filled" color="brand" shape="rounded" size="large">
            {countdown}
          </Badge>
        )}
      </div>
      <dl className={styles.details}>
        <Detail icon="calendar" label={t.overview.date}>
          {dates.longDate(meeting.startsAt)}
        </Detail>
        <Detail icon="clock" label={t.overview.time}>
          {dates.timeSpan(meeting.startsAt, meeting.durationMinutes)}
        </Detail>
        <Detail icon="location" label={t.overview.place}>
          {meeting.place}
        </Detail>
        {meeting.onlineUrl && (
          <Detail icon="video" label={t.overview.online}>
            <Link href={meeting.onlineUrl} target="_blank" rel="noopener noreferrer" onClick={openOnline}>
              {t.overview.joinOnline}
              <Icon name="open" size={16} className={styles.linkIcon} />
              <span className={shared.visuallyHidden}> {t.opensInNewWindow}</span>
            </Link>
          </Detail>
        )}
      </dl>
      <div className={styles.footer}>
        <Text className={styles.chair}>
          <Icon name="person" />
          {meeting.chair ? t.overview.chair(meeting.chair.name) : t.overview.noChair}
        </Text>
        <span>
          <span className={shared.visuallyHidden}>{t.overview.status}: </span>
          <MeetingStatusBadge status={meeting.status} startsAt={meeting.startsAt} />
        </span>
      </div>
    </Card>
  );
}
