/**
 * The incoming chair's handover for one meeting: the report status of the meeting before, late
 * proposals, proposals waiting for a decision, and the group's open actions.
 */
import { Badge, Body1, Caption1, Subtitle2, Text, makeStyles, tokens } from '@fluentui/react-components';
import { cardSurface } from '../../shared-styles';
import { useId, type ReactNode } from 'react';
import { useI18n } from '../../i18n';
import { useResource } from '../../use-resource';
import { ErrorState, LoadingState } from '../status-views';
import type { ChairHandover, HandoverProposal, PlanApi } from './plan-api';
import { usePlanStrings } from './plan-strings';

const useStyles = makeStyles({
  panel: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalL,
    ...cardSurface,
    minWidth: 0,
    '@media (max-width: 480px)': { padding: tokens.spacingHorizontalM },
    ':focus': { outlineStyle: 'none' },
  },
  heading: { margin: 0 },
  intro: { margin: 0, color: tokens.colorNeutralForeground2 },
  grid: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 260px), 1fr))',
    gap: tokens.spacingHorizontalL,
  },
  part: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXS, minWidth: 0 },
  partHeading: {
    margin: 0,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    fontWeight: tokens.fontWeightSemibold,
  },
  list: { margin: 0, padding: 0, listStyleType: 'none', display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  item: { display: 'flex', flexDirection: 'column', rowGap: '2px', overflowWrap: 'anywhere' },
  line: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', columnGap: tokens.spacingHorizontalS },
  muted: { color: tokens.colorNeutralForeground3 },
});

/** A part of the handover: a list, or one sentence (in plain text when it is news, not an absence). */
function Part({ title, empty, plain = false, children }: { title: string; empty: string; plain?: boolean; children: ReactNode[] }) {
  const styles = useStyles();
  const id = useId();
  return (
    <section className={styles.part} aria-labelledby={id}>
      <h4 id={id} className={styles.partHeading}>
        {title}
      </h4>
      {children.length === 0 ? (
        <Text className={plain ? undefined : styles.muted}>{empty}</Text>
      ) : (
        <ul className={styles.list}>{children}</ul>
      )}
    </section>
  );
}

export function HandoverPanel({
  api,
  meetingId,
  headingId,
  version,
}: {
  api: PlanApi;
  meetingId: string;
  headingId: string;
  /** Changes when the plan changed: read the handover again. */
  version: number;
}) {
  const styles = useStyles();
  const s = usePlanStrings();
  const { dates } = useI18n();
  const handover = useResource<ChairHandover>((signal) => api.getHandover(meetingId, signal), [api, meetingId, version]);
  const data = handover.data?.meeting.id === meetingId ? handover.data : undefined;

  if (!data) {
    return (
      <section className={styles.panel} aria-labelledby={headingId} aria-busy={handover.loading}>
        <Subtitle2 as="h3" id={headingId} className={styles.heading} tabIndex={-1}>
          {s.handoverLoading}
        </Subtitle2>
        {handover.error ? <ErrorState error={handover.error} onRetry={handover.reload} /> : <LoadingState label={s.handoverLoading} />}
      </section>
    );
  }

  const { meeting, previousMeeting } = data;
  const when = (iso: string) => `${dates.longDate(iso)} ${dates.time(iso)}`;
  const proposal = (p: HandoverProposal, late: boolean) => (
    <li key={p.id} className={styles.item}>
      <span className={styles.line}>
        <Body1>{p.title}</Body1>
        <Badge appearance="tint" color={late ? 'warning' : 'informative'} shape="rounded">
          {s.proposalStatus[p.status]}
        </Badge>
      </span>
      <Caption1 className={styles.muted}>{s.proposedBy(p.proposerName, p.organisationName)}</Caption1>
      {late && (
        <Caption1 className={styles.muted}>
          {p.missedMeeting ? s.lateFor(p.missedMeeting.title) : p.meeting ? p.meeting.title : s.noMeetingChosen}
        </Caption1>
      )}
    </li>
  );

  const minutesText = !previousMeeting
    ? s.noPrevious
    : (previousMeeting.minutes === 'published' ? s.minutesPublished : previousMeeting.minutes === 'draft' ? s.minutesDraft : s.minutesNone)(
        previousMeeting.title,
        dates.isoDate(previousMeeting.startsAt),
      );

  return (
    <section className={styles.panel} aria-labelledby={headingId} aria-busy={handover.loading}>
      <Subtitle2 as="h3" id={headingId} className={styles.heading} tabIndex={-1}>
        {s.handoverHeading(meeting.title)}
      </Subtitle2>
      <Body1 as="p" className={styles.intro}>
        {s.handoverIntro(meeting.chair?.name ?? null, when(meeting.startsAt))}
      </Body1>
      <div className={styles.grid}>
        <Part title={s.reportHeading} empty={minutesText} plain>
          {[]}
        </Part>
        <Part title={s.lateHeading} empty={s.lateNone}>
          {data.lateProposals.map((p) => proposal(p, true))}
        </Part>
        <Part title={s.undecidedHeading} empty={s.undecidedNone}>
          {data.undecidedProposals.map((p) => proposal(p, false))}
        </Part>
        <Part title={s.actionsHeading} empty={s.actionsNone}>
          {data.openActions.map((a) => (
            <li key={a.id} className={styles.item}>
              <span className={styles.line}>
                <Body1>{a.title}</Body1>
                <Badge appearance="tint" color={a.overdue ? 'danger' : 'informative'} shape="rounded">
                  {a.overdue ? s.actionOverdue : s.actionStatus[a.status]}
                </Badge>
              </span>
              <Caption1 className={styles.muted}>{s.actionOwner(a.ownerName, a.organisationName)}</Caption1>
              <Caption1 className={styles.muted}>
                {s.actionDue(a.dueDate)} · {s.actionFrom(a.meeting.title)}
              </Caption1>
            </li>
          ))}
        </Part>
      </div>
    </section>
  );
}
