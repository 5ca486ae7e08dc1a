/**
 * The meeting side panel (280–320 px in a Teams meeting): today's meeting — the one under way or
 * starting today, else the next — with its agenda and the note-taking of the minutes view.
 */
import { Tab, TabList, makeStyles, tokens } from '@fluentui/react-components';
import { Suspense, lazy, useMemo, useState } from 'react';
import type { Meeting } from '../../api-types';
import { useI18n } from '../../i18n';
import { stockholmParts } from '../../i18n/format-dates';
import { useResource } from '../../use-resource';
import { meetingApi } from '../meeting/meeting-api';
import { ReadOnlyAgenda } from '../meeting/read-only-agenda';
import { EmptyState, ErrorState, LoadingState } from '../status-views';
import type { ViewProps } from '../view-props';

const MinutesView = lazy(() => import('../minutes/minutes-view'));

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM, paddingInline: tokens.spacingHorizontalS },
  h2: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold, overflowWrap: 'anywhere' },
});

const TEXT = {
  sv: {
    agenda: 'Dagordning',
    notes: 'Anteckningar',
    none: 'Gruppen har inget möte i dag och inget planerat.',
    loading: 'Hämtar mötet…',
    parts: 'Delar',
  },
  en: {
    agenda: 'Agenda',
    notes: 'Notes',
    none: 'The group has no meeting today and none planned.',
    loading: 'Loading the meeting…',
    parts: 'Parts',
  },
};

/** The meeting under way or starting today (Stockholm), else the next one. */
export function meetingForPanel(plan: readonly Meeting[], next: Meeting | null, now: Date): Meeting | null {
  const today = stockholmParts(now);
  const current = plan.find((m) => {
    if (m.status === 'cancelled') return false;
    const start = new Date(m.startsAt);
    const end = start.getTime() + m.durationMinutes * 60_000;
    const day = stockholmParts(start);
    return (
      (start.getTime() <= now.getTime() && now.getTime() < end) ||
      (day.year === today.year && day.month === today.month && day.day === today.day)
    );
  });
  return current ?? next;
}

export default function PanelView(props: ViewProps) {
  const styles = useStyles();
  const { language, dates } = useI18n();
  const text = TEXT[language];
  const [part, setPart] = useState<'agenda' | 'notes'>('agenda');
  const calls = useMemo(() => meetingApi(props.api), [props.api]);
  const meeting = props.overview ? meetingForPanel(props.overview.yearPlan, props.overview.nextMeeting, new Date()) : null;
  const agenda = useResource(
    (signal) => (meeting ? calls.getAgenda(meeting.id, signal) : Promise.resolve(undefined)),
    [calls, meeting?.id],
  );

  if (!props.overview) return <LoadingState label={text.loading} />;
  if (!meeting) return <EmptyState>{text.none}</EmptyState>;
  return (
    <section className={styles.root} aria-labelledby="panel-title">
      <h2 id="panel-title" className={styles.h2}>
        {`${meeting.title}, ${dates.longDate(meeting.startsAt)} ${dates.timeSpan(meeting.startsAt, meeting.durationMinutes)}`}
      </h2>
      <TabList
        selectedValue={part}
        onTabSelect={(_event, data) => setPart(data.value as 'agenda' | 'notes')}
        size="small"
        aria-label={text.parts}
      >
        <Tab value="agenda">{text.agenda}</Tab>
        <Tab value="notes">{text.notes}</Tab>
      </TabList>
      {part === 'agenda' ? (
        agenda.data ? (
          <ReadOnlyAgenda agenda={agenda.data} />
        ) : agenda.error ? (
          <ErrorState error={agenda.error} onRetry={agenda.reload} />
        ) : (
          <LoadingState label={text.loading} />
        )
      ) : (
        <Suspense fallback={<LoadingState label={text.loading} />}>
          <MinutesView {...props} arg={meeting.id} />
        </Suspense>
      )}
    </section>
  );
}
