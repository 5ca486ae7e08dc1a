/**
 * Ändringslogg (strategists only): who changed the group's meetings, agendas, proposals and
 * minutes, and what Arbetsrum sent on its own, newest first. A list, not a table, so that it reads
 * in a 320 px side panel too; *Visa äldre* loads the next page and moves the focus to its first entry.
 */
import { Button, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useEffect, useId, useRef, useState } from 'react';
import { asApiError, type ApiClient, type ApiError } from '../../api';
import { useI18n } from '../../i18n';
import { cardSurface, pageText, useSharedStyles } from '../../shared-styles';
import { useResource } from '../../use-resource';
import { EmptyState, ErrorState, LoadingState } from '../status-views';
import type { ViewProps } from '../view-props';
import { listChanges, type ChangeEvent } from './changes-api';
import { useChangesStrings, type ChangeWords, type Phrase } from './changes-strings';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalL },
  intro: pageText.intro,
  h2: pageText.h2,
  lead: pageText.lead,
  list: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    ...cardSurface,
  },
  item: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalXXS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    minWidth: 0,
    ':last-child': { borderBottom: 'none' },
    ':focus': { outlineStyle: 'none' },
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: '-2px' },
    '@media (max-width: 480px)': { paddingInline: tokens.spacingHorizontalM },
  },
  text: { margin: 0, overflowWrap: 'anywhere' },
  who: { fontWeight: tokens.fontWeightSemibold },
  when: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200 },
  more: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalS },
  end: { margin: 0, color: tokens.colorNeutralForeground2 },
});

function ChangeItem({ event, itemRef }: { event: ChangeEvent; itemRef: (el: HTMLLIElement | null) => void }) {
  const styles = useStyles();
  const s = useChangesStrings();
  const { dates } = useI18n();
  const who = event.actor === null ? s.system : (event.actor.name ?? s.unknownPerson);
  const words: ChangeWords = {
    // "11 mars 2026" stays on one line.
    meeting: event.meeting ? s.meeting(dates.dayMonthYear(event.meeting.startsAt).replace(/ /g, '\u00a0')) : s.someMeeting,
    proposal: event.proposal ? s.proposal(event.proposal.title) : s.someProposal,
    year: event.year,
    detail: event.detail,
  };
  const phrase: Phrase | undefined = Object.hasOwn(s.actions, event.action) ? s.actions[event.action as keyof typeof s.actions] : undefined;
  return (
    <li ref={itemRef} tabIndex={-1} className={styles.item}>
      <p className={styles.text}>
        <span className={styles.who}>{who}</span> {phrase ? phrase(words) : s.other}
      </p>
      <time dateTime={event.at} className={styles.when}>
        {`${dates.longDate(event.at)} ${dates.time(event.at)}`}
      </time>
    </li>
  );
}

/** The log of one group: the first page, then older pages as the person asks for them. */
function ChangeLog({ api, groupId }: { api: ApiClient; groupId: string }) {
  const styles = useStyles();
  const shared = useSharedStyles();
  const s = useChangesStrings();
  const first = useResource((signal) => listChanges(api, groupId, null, signal), [api, groupId]);
  const [older, setOlder] = useState<{ events: ChangeEvent[]; nextBefore: string | null } | null>(null);
  const [loadingOlder, setLoadingOlder] = useState(false);
  const [olderError, setOlderError] = useState<ApiError | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const [focusId, setFocusId] = useState<string | null>(null);
  const items = useRef(new Map<string, HTMLLIElement>());

  // Loading the first page again (after an error) starts the list over.
  useEffect(() => setOlder(null), [first.data]);
  useEffect(() => {
    if (focusId) items.current.get(focusId)?.focus();
  }, [focusId]);

  if (!first.data) {
    return first.error ? <ErrorState error={first.error} onRetry={first.reload} /> : <LoadingState label={s.loading} />;
  }
  const events = [...first.data.events, ...(older?.events ?? [])];
  if (events.length === 0) return <EmptyState>{s.empty}</EmptyState>;
  const nextBefore = older ? older.nextBefore : first.data.nextBefore;

  const showOlder = async (before: string): Promise<void> => {
    setLoadingOlder(true);
    setOlderError(null);
    try {
      const page = await listChanges(api, groupId, before);
      setOlder((previous) => ({ events: [...(previous?.events ?? []), ...page.events], nextBefore: page.nextBefore }));
      setAnnouncement(page.events.length > 0 ? s.olderShown(page.events.length) : s.allShown);
      setFocusId(page.events[0]?.id ?? null);
    } catch (caught) {
      setOlderError(asApiError(caught));
    } finally {
      setLoadingOlder(false);
    }
  };

  return (
    <>
      <ul className={styles.list} aria-label={s.listLabel}>
        {events.map((event) => (
          <ChangeItem
            key={event.id}
            event={event}
            itemRef={(el) => {
              if (el) items.current.set(event.id, el);
              else items.current.delete(event.id);
            }}
          />
        ))}
      </ul>
      <div className={shared.visuallyHidden} role="status" aria-live="polite">
        {announcement}
      </div>
      {olderError !== null && <ErrorState error={olderError} />}
      {nextBefore !== null ? (
        <div className={styles.more}>
          <Button disabledFocusable={loadingOlder} onClick={() => void showOlder(nextBefore)}>
            {loadingOlder ? s.loadingOlder : s.showOlder}
          </Button>
        </div>
      ) : (
        older !== null && <p className={styles.end}>{s.allShown}</p>
      )}
    </>
  );
}

export default function ChangesView({ api, group }: ViewProps) {
  const styles = useStyles();
  const shared = useSharedStyles();
  const s = useChangesStrings();
  const headingId = useId();
  return (
    <section className={mergeClasses(shared.page, styles.section)} aria-labelledby={headingId}>
      <div className={styles.intro}>
        <h2 id={headingId} className={styles.h2}>
          {s.title}
        </h2>
        <p className={styles.lead}>{s.intro}</p>
      </div>
      <ChangeLog key={group.id} api={api} groupId={group.id} />
    </section>
  );
}
