/** Översikt: the next meeting and the year's meeting plan with year navigation. */
import { Body1, Caption1, Subtitle1, Subtitle2, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import type { ApiError } from '../api';
import type { GroupOverview } from '../api-types';
import { useI18n } from '../i18n';
import { pageText, useSharedStyles } from '../shared-styles';
import { NextMeetingCard } from './next-meeting-card';
import { EmptyState, ErrorState, LoadingState } from './status-views';
import { YearNav } from './year-nav';
import { YearPlanTable } from './year-plan-table';

const useStyles = makeStyles({
  main: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalXL,
    paddingBlock: tokens.spacingVerticalXL,
    ':focus': { outlineStyle: 'none' },
  },
  intro: pageText.intro,
  h2: { margin: 0 },
  description: { margin: 0, color: tokens.colorNeutralForeground2, maxWidth: '70ch' },
  committee: { color: tokens.colorNeutralForeground3 },
  section: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS, minWidth: 0 },
  sectionHead: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    justifyContent: 'space-between',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXS,
  },
  h3: { margin: 0 },
});

export function OverviewView({
  overview,
  year,
  currentYear,
  loading,
  error,
  onRetry,
  onYearChange,
  onOpenLink,
  mine,
}: {
  /** The last overview loaded for this group (possibly for another year while a new one loads). */
  overview: GroupOverview | undefined;
  year: number;
  currentYear: number;
  loading: boolean;
  error: ApiError | undefined;
  onRetry: () => void;
  onYearChange: (year: number) => void;
  onOpenLink: (url: string) => void;
  /** The caller's own status ("Mitt läge"), shown after the next meeting. */
  mine?: ReactNode;
}) {
  const styles = useStyles();
  const shared = useSharedStyles();
  const { t } = useI18n();
  const nextId = useId();
  const planId = useId();

  // Tell screen-reader users what happened after they change year (not on the first load).
  const [announcement, setAnnouncement] = useState('');
  const yearChanged = useRef(false);
  useEffect(() => {
    if (!yearChanged.current) return;
    if (loading) setAnnouncement(t.yearPlan.loading(year));
    else if (overview?.year === year) {
      const count = overview.yearPlan.length;
      setAnnouncement(count === 0 ? t.yearPlan.empty(year) : t.yearPlan.summary(year, count));
    }
  }, [loading, overview, year, t]);
  const changeYear = (next: number): void => {
    yearChanged.current = true;
    onYearChange(next);
  };

  if (!overview) {
    return (
      <main id="main" tabIndex={-1} className={mergeClasses(shared.page, styles.main)}>
        {error ? <ErrorState error={error} onRetry={onRetry} /> : <LoadingState label={t.overview.loading} />}
      </main>
    );
  }

  const planIsCurrent = overview.year === year && !loading;
  return (
    <main id="main" tabIndex={-1} className={mergeClasses(shared.page, styles.main)}>
      <div className={styles.intro}>
        <Subtitle1 as="h2" className={styles.h2}>
          {t.overview.title}
        </Subtitle1>
        {overview.group.description && (
          <Body1 as="p" className={styles.description}>
            {overview.group.description}
          </Body1>
        )}
        {overview.group.committeeName && (
          <Caption1 className={styles.committee}>{t.header.reportsTo(overview.group.committeeName)}</Caption1>
        )}
      </div>

      <section className={styles.section} aria-labelledby={nextId}>
        <Subtitle2 as="h3" id={nextId} className={styles.h3}>
          {t.overview.nextMeeting}
        </Subtitle2>
        {overview.nextMeeting ? (
          <NextMeetingCard meeting={overview.nextMeeting} onOpenLink={onOpenLink} />
        ) : (
          <EmptyState>{t.overview.noNextMeeting}</EmptyState>
        )}
      </section>

      {mine}

      <section className={styles.section} aria-labelledby={planId} aria-busy={loading}>
        <div className={styles.sectionHead}>
          <Subtitle2 as="h3" id={planId} className={styles.h3}>
            {t.yearPlan.title(year)}
          </Subtitle2>
          <YearNav year={year} currentYear={currentYear} onChange={changeYear} />
        </div>
        {error ? (
          <ErrorState error={error} onRetry={onRetry} />
        ) : !planIsCurrent ? (
          <LoadingState label={t.yearPlan.loading(year)} />
        ) : overview.yearPlan.length === 0 ? (
          <EmptyState>{t.yearPlan.empty(year)}</EmptyState>
        ) : (
          <YearPlanTable meetings={overview.yearPlan} nextMeetingId={overview.nextMeeting?.id ?? null} labelledBy={planId} />
        )}
      </section>
      <div className={shared.visuallyHidden} role="status" aria-live="polite">
        {announcement}
      </div>
    </main>
  );
}
