/** One proposal in the Förslag list: title and status, the facts as a description list, the text on demand. */
import { Badge, Button, Link, makeStyles, tokens, type BadgeProps } from '@fluentui/react-components';
import { cardSurface } from '../../shared-styles';
import { useId, useState } from 'react';
import { useI18n } from '../../i18n';
import { Icon } from '../icons';
import type { GroupProposal, ProposalStatus } from './proposals-api';
import { useProposalsStrings } from './proposals-strings';

/** The word carries the meaning; the colour only repeats it. */
const STATUS_COLOURS: Record<ProposalStatus, NonNullable<BadgeProps['color']>> = {
  submitted: 'informative',
  accepted: 'success',
  deferred: 'warning',
  declined: 'danger',
  withdrawn: 'subtle',
};

const useStyles = makeStyles({
  card: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalL,
    ...cardSurface,
    minWidth: 0,
    '@media (max-width: 480px)': { padding: tokens.spacingHorizontalM },
  },
  head: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'baseline',
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXS,
  },
  title: {
    margin: 0,
    fontSize: tokens.fontSizeBase400,
    lineHeight: tokens.lineHeightBase400,
    fontWeight: tokens.fontWeightSemibold,
    overflowWrap: 'anywhere',
  },
  badge: { flexShrink: 0 },
  facts: {
    display: 'grid',
    gridTemplateColumns: 'max-content minmax(0, 1fr)',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXXS,
    margin: 0,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    // A side panel has no room for two columns: each value goes under its label.
    '@media (max-width: 400px)': { gridTemplateColumns: 'minmax(0, 1fr)' },
  },
  term: {
    color: tokens.colorNeutralForeground3,
    '@media (max-width: 400px)': { marginBlockStart: tokens.spacingVerticalXS },
  },
  value: { margin: 0, overflowWrap: 'anywhere' },
  goals: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS, margin: 0, padding: 0, listStyleType: 'none' },
  goal: {
    height: 'auto',
    minHeight: '20px',
    paddingBlock: tokens.spacingVerticalXXS,
    whiteSpace: 'normal',
    textAlign: 'start',
  },
  note: { margin: 0, color: tokens.colorNeutralForeground2 },
  actions: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalXS,
  },
  toggle: { paddingInline: 0, minWidth: 0 },
  /** The chevron points down while the description is open. */
  chevronOpen: { transform: 'rotate(90deg)' },
  description: {
    margin: 0,
    whiteSpace: 'pre-wrap',
    overflowWrap: 'anywhere',
    maxWidth: '75ch',
    paddingInlineStart: tokens.spacingHorizontalM,
    borderInlineStartWidth: tokens.strokeWidthThick,
    borderInlineStartStyle: 'solid',
    borderInlineStartColor: tokens.colorNeutralStroke2,
  },
});

export function ProposalCard({
  proposal,
  strategist,
  onOpenMeeting,
}: {
  proposal: GroupProposal;
  /** Strategists get a link to the meeting's Möte view. */
  strategist: boolean;
  onOpenMeeting: (meetingId: string) => void;
}) {
  const styles = useStyles();
  const s = useProposalsStrings();
  const { dates } = useI18n();
  const [open, setOpen] = useState(false);
  const titleId = useId();
  const descriptionId = useId();
  const meeting = proposal.meeting;

  return (
    <article className={styles.card} aria-labelledby={titleId}>
      <div className={styles.head}>
        <h3 id={titleId} className={styles.title}>
          {proposal.title}
        </h3>
        <Badge className={styles.badge} appearance="tint" shape="rounded" color={STATUS_COLOURS[proposal.status]}>
          {s.statuses[proposal.status]}
        </Badge>
      </div>
      <dl className={styles.facts}>
        <dt className={styles.term}>{s.proposer}</dt>
        <dd className={styles.value}>{proposal.proposerName ?? s.unknownProposer}</dd>
        <dt className={styles.term}>{s.organisation}</dt>
        <dd className={styles.value}>{proposal.organisationName ?? s.noOrganisation}</dd>
        <dt className={styles.term}>{s.kind}</dt>
        <dd className={styles.value}>{s.kinds[proposal.kind]}</dd>
        <dt className={styles.term}>{s.minutesNeeded}</dt>
        <dd className={styles.value}>{s.minutes(proposal.minutesNeeded)}</dd>
        <dt className={styles.term}>{s.meeting}</dt>
        <dd className={styles.value}>{meeting ? s.at(dates.longDate(meeting.startsAt), dates.time(meeting.startsAt)) : s.noMeeting}</dd>
        <dt className={styles.term}>{s.goals}</dt>
        <dd className={styles.value}>
          {proposal.goals.length === 0 ? (
            s.noGoals
          ) : (
            <ul className={styles.goals}>
              {proposal.goals.map((goal) => (
                <li key={goal.id}>
                  <Badge className={styles.goal} appearance="outline" shape="rounded" color="informative">
                    {`${s.frameworks[goal.framework]} ${goal.number}: ${goal.name}`}
                  </Badge>
                </li>
              ))}
            </ul>
          )}
        </dd>
        {proposal.decisionNote && (
          <>
            <dt className={styles.term}>{s.decisionNote}</dt>
            <dd className={styles.value}>{proposal.decisionNote}</dd>
          </>
        )}
      </dl>
      {proposal.missedMeeting && (
        <p className={styles.note}>{s.missed(proposal.missedMeeting.title, dates.longDate(proposal.missedMeeting.startsAt))}</p>
      )}
      <div className={styles.actions}>
        {proposal.description ? (
          <Button
            className={styles.toggle}
            appearance="transparent"
            aria-expanded={open}
            aria-controls={descriptionId}
            icon={<Icon name="chevronRight" className={open ? styles.chevronOpen : undefined} />}
            onClick={() => setOpen((value) => !value)}
          >
            {open ? s.hideDescription : s.showDescription}
          </Button>
        ) : (
          <span className={styles.note}>{s.noDescription}</span>
        )}
        {strategist && meeting && (
          <Link
            href={`#/meeting/${encodeURIComponent(meeting.id)}`}
            aria-label={s.openMeetingLabel(proposal.title)}
            onClick={(event) => {
              event.preventDefault();
              onOpenMeeting(meeting.id);
            }}
          >
            {s.openMeeting}
          </Link>
        )}
      </div>
      {proposal.description && (
        <p id={descriptionId} className={styles.description} hidden={!open}>
          {proposal.description}
        </p>
      )}
    </article>
  );
}
