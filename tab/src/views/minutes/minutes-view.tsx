/**
 * Minnesanteckningar: the minutes of one meeting — the one in the URL (#/minutes/<meetingId>), or
 * by default the latest meeting that has begun — with a picker for the group's other meetings.
 * Also the note-taking part of the meeting side panel, so everything works from 280 px wide.
 */
import { Field, Select, Subtitle1, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import { useI18n } from '../../i18n';
import { useSharedStyles } from '../../shared-styles';
import { useResource } from '../../use-resource';
import { EmptyState, ErrorState, LoadingState } from '../status-views';
import type { ViewProps } from '../view-props';
import { defaultMeeting, minutesApi } from './minutes-api';
import { MinutesDocument } from './minutes-document';
import { useMinutesStrings } from './minutes-strings';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalL, minWidth: 0 },
  intro: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'flex-end',
    justifyContent: 'space-between',
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalS,
  },
  h2: { margin: 0 },
  picker: { flex: '0 1 28rem', minWidth: 0, maxWidth: '100%' },
  select: { minWidth: 0, maxWidth: '100%' },
});

export default function MinutesView(props: ViewProps) {
  const styles = useStyles();
  const shared = useSharedStyles();
  const s = useMinutesStrings();
  const { dates } = useI18n();
  const { api, group, arg, navigate, reloadOverview } = props;
  const calls = useMemo(() => minutesApi(api), [api]);
  const meetings = useResource((signal) => calls.listMeetings(group.id, signal), [calls, group.id]);
  const [chosen, setChosen] = useState<string | null>(null);
  const list = meetings.data?.meetings ?? [];
  const meetingId = chosen ?? arg ?? defaultMeeting(list, new Date())?.id ?? null;
  const minutes = useResource((signal) => (meetingId ? calls.get(meetingId, signal) : Promise.resolve(undefined)), [calls, meetingId]);
  // While another meeting's minutes load, show none rather than the previous meeting's.
  const loaded = minutes.data?.meeting.id === meetingId ? minutes.data : undefined;

  const choose = (id: string): void => {
    setChosen(id);
    // On the minutes page the URL follows, so the link can be shared; in the side panel it stays.
    if (window.location.hash.startsWith('#/minutes')) navigate('minutes', id);
  };

  let body;
  if (!meetingId) {
    body = meetings.error ? (
      <ErrorState error={meetings.error} onRetry={meetings.reload} />
    ) : meetings.loading ? (
      <LoadingState label={s.loadingMeetings} />
    ) : (
      <EmptyState>{s.noMeetings}</EmptyState>
    );
  } else if (!loaded) {
    body = minutes.error ? <ErrorState error={minutes.error} onRetry={minutes.reload} /> : <LoadingState label={s.loading} />;
  } else {
    const onPublished = (): void => {
      reloadOverview();
      meetings.reload();
    };
    body = <MinutesDocument calls={calls} loaded={loaded} onReload={minutes.reload} onPublished={onPublished} />;
  }

  const known = list.some((m) => m.id === meetingId);
  return (
    <section aria-labelledby="minutes-title" className={mergeClasses(shared.page, styles.section)}>
      <div className={styles.intro}>
        <Subtitle1 as="h2" id="minutes-title" className={styles.h2}>
          {s.title}
        </Subtitle1>
        {list.length > 0 && (
          <Field className={styles.picker} label={s.meetingPicker}>
            <Select
              className={styles.select}
              value={known ? (meetingId ?? '') : ''}
              onChange={(_event, data) => data.value && choose(data.value)}
            >
              {!known && <option value="">{loaded ? loaded.meeting.title : ''}</option>}
              {[...list]
                .sort((a, b) => b.startsAt.localeCompare(a.startsAt))
                .map((m) => (
                  <option key={m.id} value={m.id}>
                    {s.meetingOption(
                      dates.isoDate(m.startsAt),
                      m.title,
                      m.minutes ? s.meetingState[m.minutes.status] : s.meetingState.none,
                    )}
                  </option>
                ))}
            </Select>
          </Field>
        )}
      </div>
      {body}
    </section>
  );
}
