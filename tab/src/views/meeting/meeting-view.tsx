/**
 * Möte (strategists): prepare one meeting — decide on the proposals, build the agenda, send the
 * kallelse, follow the answers, the follow-up of actions and what goes out on its own. The meeting comes from the URL (#/meeting/<id>) or is the next one.
 */
import { Body1, Field, Select, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import { useCallback, useId, useMemo, useState } from 'react';
import { useI18n } from '../../i18n';
import { useSharedStyles } from '../../shared-styles';
import { useResource } from '../../use-resource';
import { EmptyState, ErrorState, LoadingState } from '../status-views';
import type { ViewProps } from '../view-props';
import { AgendaBuilder } from './agenda-builder';
import { AttendanceSection } from './attendance-section';
import { BacklogSection } from './backlog-section';
import { KallelseSection } from './kallelse-section';
import { meetingApi, type BacklogProposal, type Decision } from './meeting-api';
import { useMeetingStrings } from './meeting-strings';
import { ReadOnlyAgenda } from './read-only-agenda';
import { FollowUpSection } from './follow-up-section';
import { useFollowUpStrings } from './follow-up-strings';
import { TimedWorkSection } from './timed-work-section';
import { NotReachedList } from './not-reached-list';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXL },
  intro: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  h2: { margin: 0, fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
  h3: { margin: 0 },
  lead: { margin: 0, color: tokens.colorNeutralForeground2 },
  section: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS, minWidth: 0 },
  picker: { maxWidth: '28rem', minWidth: 0 },
  select: { width: '100%', minWidth: 0 },
});

export default function MeetingView({ api, overview, arg, navigate, reloadOverview, role, group }: ViewProps) {
  const styles = useStyles();
  const shared = useSharedStyles();
  const s = useMeetingStrings();
  const { dates } = useI18n();
  const calls = useMemo(() => meetingApi(api), [api]);
  const ids = {
    backlog: useId(),
    agenda: useId(),
    kallelse: useId(),
    attendance: useId(),
    followUp: useId(),
    timed: useId(),
    notReached: useId(),
  };
  const f = useFollowUpStrings();
  const [dirty, setDirty] = useState(false);
  const [announcement, setAnnouncement] = useState('');

  const now = Date.now();
  const choices = (overview?.yearPlan ?? []).filter(
    (m) => (m.status === 'planned' || m.status === 'called') && new Date(m.startsAt).getTime() > now,
  );
  const meetingId = arg ?? overview?.nextMeeting?.id ?? null;
  const agenda = useResource((signal) => (meetingId ? calls.getAgenda(meetingId, signal) : Promise.resolve(undefined)), [calls, meetingId]);
  const attendance = useResource(
    (signal) => (meetingId ? calls.getAttendance(meetingId, signal) : Promise.resolve({ answers: [], unrepresented: [] })),
    [calls, meetingId],
  );
  const followUp = useResource(
    (signal) => (meetingId ? calls.getFollowUp(meetingId, signal) : Promise.resolve({ actions: [] })),
    [calls, meetingId],
  );
  const strategist = role === 'strategist';
  const timed = useResource(
    (signal) => (strategist ? calls.getTimedWork(group.id, signal) : Promise.resolve({ runs: [] })),
    [calls, group.id, strategist],
  );
  const notReached = useResource(
    (signal) => (strategist ? calls.getNotReached(group.id, signal) : Promise.resolve({ notReached: [] })),
    [calls, group.id, strategist],
  );
  const [saved, setSaved] = useState<typeof agenda.data>(undefined);
  // The answer of the last save is newer than the last load until the next load.
  const current = saved && saved.meeting.id === meetingId && saved.revision !== agenda.data?.revision ? saved : agenda.data;
  const reload = useCallback(() => {
    setSaved(undefined);
    agenda.reload();
  }, [agenda]);

  const onDecide = async (proposal: BacklogProposal, decision: Decision): Promise<void> => {
    await calls.decide(proposal.id, decision);
    const word = decision.decision === 'accept' ? s.acceptedWord : decision.decision === 'defer' ? s.deferredWord : s.declinedWord;
    setAnnouncement(s.decided(proposal.title, word));
    reload();
  };

  if (!meetingId) {
    return (
      <section className={shared.page} aria-labelledby={ids.agenda}>
        <h2 id={ids.agenda} className={styles.h2}>
          {s.title}
        </h2>
        <EmptyState>{s.noMeeting}</EmptyState>
      </section>
    );
  }

  const meeting = current?.meeting;
  return (
    <div className={`${shared.page} ${styles.root}`}>
      <div className={styles.intro}>
        <h2 className={styles.h2}>{meeting ? `${meeting.title} – ${dates.longDate(meeting.startsAt)}` : s.title}</h2>
        <Body1 as="p" className={styles.lead}>
          {s.intro}
        </Body1>
        {choices.length > 1 && (
          <Field label={s.meetingPicker} className={styles.picker}>
            <Select className={styles.select} value={meetingId} onChange={(_event, data) => navigate('meeting', data.value)}>
              {!choices.some((m) => m.id === meetingId) && meeting && (
                <option value={meeting.id}>{`${meeting.title}, ${dates.longDate(meeting.startsAt)}`}</option>
              )}
              {choices.map((m) => (
                <option key={m.id} value={m.id}>
                  {`${m.title}, ${dates.longDate(m.startsAt)} ${dates.time(m.startsAt)}`}
                </option>
              ))}
            </Select>
          </Field>
        )}
      </div>
      <div className={shared.visuallyHidden} role="status" aria-live="polite">
        {announcement}
      </div>

      {!current ? (
        agenda.error ? (
          <ErrorState error={agenda.error} onRetry={reload} />
        ) : (
          <LoadingState label={s.loading} />
        )
      ) : (
        <>
          {agenda.error && <ErrorState error={agenda.error} onRetry={reload} />}
          {!current.canEdit && <EmptyState>{s.closed}</EmptyState>}
          <section className={styles.section} aria-labelledby={ids.backlog}>
            <Subtitle2 as="h3" id={ids.backlog} className={styles.h3}>
              {s.backlogTitle}
            </Subtitle2>
            <BacklogSection agenda={current} onDecide={onDecide} />
          </section>
          <section className={styles.section} aria-labelledby={ids.agenda}>
            <Subtitle2 as="h3" id={ids.agenda} className={styles.h3}>
              {s.agendaTitle}
            </Subtitle2>
            {current.canEdit ? (
              <AgendaBuilder
                agenda={current}
                onDirtyChange={setDirty}
                onReload={reload}
                onSave={async (revision, items) => {
                  const next = await calls.saveAgenda(current.meeting.id, revision, items);
                  setSaved(next);
                  return next;
                }}
              />
            ) : (
              <ReadOnlyAgenda agenda={current} />
            )}
          </section>
          <section className={styles.section} aria-labelledby={ids.kallelse}>
            <Subtitle2 as="h3" id={ids.kallelse} className={styles.h3}>
              {s.kallelseTitle}
            </Subtitle2>
            <KallelseSection
              agenda={current}
              dirty={dirty}
              onSend={async () => {
                const { report } = await calls.sendKallelse(current.meeting.id);
                reload();
                attendance.reload();
                reloadOverview();
                return report;
              }}
            />
          </section>
          <section className={styles.section} aria-labelledby={ids.attendance}>
            <Subtitle2 as="h3" id={ids.attendance} className={styles.h3}>
              {s.attendanceTitle}
            </Subtitle2>
            <AttendanceSection attendance={attendance} called={current.meeting.status === 'called'} />
          </section>
          <section className={styles.section} aria-labelledby={ids.followUp}>
            <Subtitle2 as="h3" id={ids.followUp} className={styles.h3}>
              {f.followUpTitle}
            </Subtitle2>
            <Body1 as="p" className={styles.lead}>
              {f.followUpIntro}
            </Body1>
            <FollowUpSection followUp={followUp} />
          </section>
          {strategist && (
            <section className={styles.section} aria-labelledby={ids.timed}>
              <Subtitle2 as="h3" id={ids.timed} className={styles.h3}>
                {f.timedTitle}
              </Subtitle2>
              <Body1 as="p" className={styles.lead}>
                {f.timedIntro}
              </Body1>
              <TimedWorkSection
                meetingId={current.meeting.id}
                timed={timed}
                onRetry={async (key) => {
                  await calls.retryTimedWork(group.id, key);
                  timed.reload();
                }}
              />
              <NotReachedList meetingId={current.meeting.id} notReached={notReached.data?.notReached ?? []} headingId={ids.notReached} />
            </section>
          )}
        </>
      )}
    </div>
  );
}
