/**
 * Översikt's "Mitt läge": my answer to the next kallelse, my proposals and their status, my open
 * action items, and the latest published minutes — each a link into the view where it lives.
 */
import { Badge, Body1, Caption1, Card, Link, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import { useId, useMemo } from 'react';
import type { ApiClient } from '../../api';
import type { Preloaded } from '../../preload';
import { useI18n, type Language } from '../../i18n';
import type { ViewKey } from '../../route';
import { useResource } from '../../use-resource';
import { PROPOSAL_STATUS_WORDS, type ProposalStatus } from '../proposal-words';
import { ErrorState, LoadingState } from '../status-views';

type ActionStatus = 'open' | 'in_progress' | 'blocked' | 'done';

interface MyStatus {
  nextMeeting: { id: string; rsvp: 'yes' | 'no' | 'substitute' | null; substituteName: string | null } | null;
  proposals: {
    id: string;
    title: string;
    status: ProposalStatus;
    meeting: { title: string; startsAt: string } | null;
    decisionNote: string | null;
  }[];
  actions: {
    id: string;
    title: string;
    dueDate: string | null;
    status: ActionStatus;
    meeting: { id: string; title: string; startsAt: string };
  }[];
  latestMinutes: { meetingId: string; title: string; startsAt: string; version: number; publishedAt: string } | null;
}

const TEXT = {
  sv: {
    title: 'Mitt läge',
    loading: 'Hämtar ditt läge…',
    rsvp: 'Mitt svar på kallelsen',
    rsvpValue: {
      yes: 'Jag kommer',
      no: 'Jag har förhinder',
      substitute: 'Jag skickar ersättare',
      none: 'Inte svarat än – svara i chatten med Arbetsrum',
    },
    proposals: 'Mina förslag',
    noProposals: 'Du har inte föreslagit något. Skriv ”föreslå” i chatten med Arbetsrum.',
    status: PROPOSAL_STATUS_WORDS.sv,
    actions: 'Mina åtgärder',
    noActions: 'Du har inga öppna åtgärder.',
    due: (date: string) => `Klart senast ${date}`,
    actionStatus: { open: 'Ej påbörjad', in_progress: 'Pågår', blocked: 'Hinder', done: 'Klar' },
    minutes: 'Senaste minnesanteckningarna',
    noMinutes: 'Inga minnesanteckningar är publicerade än.',
    version: (n: number) => (n > 1 ? `version ${n}` : ''),
  },
  en: {
    title: 'Where I stand',
    loading: 'Loading where you stand…',
    rsvp: 'My answer to the invitation',
    rsvpValue: {
      yes: 'I am coming',
      no: 'I cannot come',
      substitute: 'I am sending a substitute',
      none: 'No answer yet – answer in the chat with Arbetsrum',
    },
    proposals: 'My proposals',
    noProposals: 'You have not proposed anything. Write “propose” in the chat with Arbetsrum.',
    status: PROPOSAL_STATUS_WORDS.en,
    actions: 'My action items',
    noActions: 'You have no open action items.',
    due: (date: string) => `Due ${date}`,
    actionStatus: { open: 'Not started', in_progress: 'In progress', blocked: 'Blocked', done: 'Done' },
    minutes: 'Latest minutes',
    noMinutes: 'No minutes have been published yet.',
    version: (n: number) => (n > 1 ? `version ${n}` : ''),
  },
} satisfies Record<Language, unknown>;

const STATUS_COLOUR = {
  submitted: 'informative',
  accepted: 'success',
  deferred: 'warning',
  declined: 'danger',
  withdrawn: 'subtle',
} as const;

const useStyles = makeStyles({
  grid: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 18rem), 1fr))', gap: tokens.spacingHorizontalL },
  card: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  h4: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  item: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXXS, overflowWrap: 'anywhere' },
  meta: { color: tokens.colorNeutralForeground2 },
  badge: { alignSelf: 'flex-start' },
  h3: { margin: 0 },
});

export function MySection({
  api,
  groupId,
  navigate,
  preloaded,
}: {
  api: ApiClient;
  groupId: string;
  navigate: (view: ViewKey, arg?: string | null) => void;
  /** The same call for this group, already made (preload.ts). */
  preloaded?: Preloaded<unknown> | undefined;
}) {
  const styles = useStyles();
  const { language, dates } = useI18n();
  const text = TEXT[language];
  const headingId = useId();
  const load = useMemo(
    () => (signal: AbortSignal) => api.request<MyStatus>(`/groups/${encodeURIComponent(groupId)}/my-status`, { signal }),
    [api, groupId],
  );
  // The preloaded answer is the same GET's, so the same shape.
  const status = useResource(load, [load], preloaded as Preloaded<MyStatus> | undefined);
  const data = status.data;

  return (
    <section aria-labelledby={headingId} className={styles.card}>
      <Subtitle2 as="h3" id={headingId} className={styles.h3}>
        {text.title}
      </Subtitle2>
      {!data ? (
        status.error ? (
          <ErrorState error={status.error} onRetry={status.reload} />
        ) : (
          <LoadingState label={text.loading} />
        )
      ) : (
        <div className={styles.grid}>
          {data.nextMeeting && (
            <Card className={styles.card}>
              <h4 className={styles.h4}>{text.rsvp}</h4>
              <Body1>
                {text.rsvpValue[data.nextMeeting.rsvp ?? 'none']}
                {data.nextMeeting.substituteName ? ` (${data.nextMeeting.substituteName})` : ''}
              </Body1>
            </Card>
          )}
          <Card className={styles.card}>
            <h4 className={styles.h4}>{text.proposals}</h4>
            {data.proposals.length === 0 ? (
              <Caption1 className={styles.meta}>{text.noProposals}</Caption1>
            ) : (
              <ul className={styles.list}>
                {data.proposals.map((p) => (
                  <li key={p.id} className={styles.item}>
                    <Body1>{p.title}</Body1>
                    <Badge className={styles.badge} appearance="tint" color={STATUS_COLOUR[p.status]}>
                      {text.status[p.status]}
                    </Badge>
                    {p.meeting && (
                      <Caption1 className={styles.meta}>{`${p.meeting.title}, ${dates.longDate(p.meeting.startsAt)}`}</Caption1>
                    )}
                    {p.decisionNote && <Caption1 className={styles.meta}>{p.decisionNote}</Caption1>}
                  </li>
                ))}
              </ul>
            )}
          </Card>
          <Card className={styles.card}>
            <h4 className={styles.h4}>{text.actions}</h4>
            {data.actions.length === 0 ? (
              <Caption1 className={styles.meta}>{text.noActions}</Caption1>
            ) : (
              <ul className={styles.list}>
                {data.actions.map((a) => (
                  <li key={a.id} className={styles.item}>
                    <Body1>{a.title}</Body1>
                    <Caption1 className={styles.meta}>
                      {[text.actionStatus[a.status], a.dueDate ? text.due(a.dueDate) : null, a.meeting.title].filter(Boolean).join(' · ')}
                    </Caption1>
                  </li>
                ))}
              </ul>
            )}
          </Card>
          <Card className={styles.card}>
            <h4 className={styles.h4}>{text.minutes}</h4>
            {data.latestMinutes ? (
              <Link
                href={`#/minutes/${data.latestMinutes.meetingId}`}
                onClick={(event) => {
                  event.preventDefault();
                  navigate('minutes', data.latestMinutes?.meetingId ?? null);
                }}
              >
                {[data.latestMinutes.title, dates.longDate(data.latestMinutes.startsAt), text.version(data.latestMinutes.version)]
                  .filter(Boolean)
                  .join(', ')}
              </Link>
            ) : (
              <Caption1 className={styles.meta}>{text.noMinutes}</Caption1>
            )}
          </Card>
        </div>
      )}
    </section>
  );
}
