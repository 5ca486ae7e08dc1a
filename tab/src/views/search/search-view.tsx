/**
 * Sök: the group's proposals, agenda items, decisions, minutes and actions that match what was
 * typed in the header, grouped by kind, the best match first. Matched words are <mark>ed from
 * text segments the service sends: nothing it returns is ever read as HTML. Each hit is a link to
 * the view where it lives.
 */
import { Badge, Link, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useId } from 'react';
import { useI18n } from '../../i18n';
import { formatRoute } from '../../route';
import { cardSurface, pageText, useSharedStyles } from '../../shared-styles';
import { useResource } from '../../use-resource';
import { EmptyState, ErrorState, LoadingState } from '../status-views';
import type { ViewProps } from '../view-props';
import { QUERY_MIN, SEARCH_KINDS, search, type SearchResult, type TextSegment } from './search-api';
import { useSearchQuery } from './search-query';
import { useSearchStrings } from './search-strings';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalL },
  intro: pageText.intro,
  h2: pageText.h2,
  lead: pageText.lead,
  summary: { margin: 0, fontWeight: tokens.fontWeightSemibold, overflowWrap: 'anywhere' },
  kind: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  h3: pageText.h3,
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
    '@media (max-width: 480px)': { paddingInline: tokens.spacingHorizontalM },
  },
  link: { fontWeight: tokens.fontWeightSemibold, overflowWrap: 'anywhere', textAlign: 'start' },
  snippet: { margin: 0, overflowWrap: 'anywhere', color: tokens.colorNeutralForeground1 },
  meta: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXXS,
    color: tokens.colorNeutralForeground2,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    overflowWrap: 'anywhere',
  },
  // Black on yellow in every theme (contrast far above 4.5:1); the system's own colours in high contrast.
  mark: {
    backgroundColor: '#fff38a',
    color: '#1a1a1a',
    borderRadius: tokens.borderRadiusSmall,
    '@media (forced-colors: active)': { backgroundColor: 'Mark', color: 'MarkText' },
  },
});

/** Segments as text, the matched ones in <mark>. */
function Marked({ segments }: { segments: TextSegment[] }) {
  const styles = useStyles();
  return (
    <>
      {segments.map((segment, i) =>
        segment.mark ? (
          <mark key={i} className={styles.mark}>
            {segment.text}
          </mark>
        ) : (
          <span key={i}>{segment.text}</span>
        ),
      )}
    </>
  );
}

function Hit({ hit, navigate }: { hit: SearchResult; navigate: ViewProps['navigate'] }) {
  const styles = useStyles();
  const s = useSearchStrings();
  const { dates } = useI18n();
  const href = formatRoute(hit.target);
  return (
    <li className={styles.item}>
      <Link
        href={href}
        className={styles.link}
        onClick={(event) => {
          event.preventDefault();
          navigate(hit.target.view, hit.target.arg);
        }}
      >
        <Marked segments={hit.title} />
      </Link>
      {hit.snippet.length > 0 && (
        <p className={styles.snippet}>
          <Marked segments={hit.snippet} />
        </p>
      )}
      <div className={styles.meta}>
        <span>{hit.meeting ? s.meeting(hit.meeting.title, dates.dayMonthYear(hit.meeting.startsAt)) : s.noMeeting}</span>
        {hit.draft && (
          <Badge appearance="outline" color="informative" shape="rounded">
            {s.draft}
          </Badge>
        )}
      </div>
    </li>
  );
}

function Results({
  api,
  groupId,
  query,
  navigate,
}: {
  api: ViewProps['api'];
  groupId: string;
  query: string;
  navigate: ViewProps['navigate'];
}) {
  const styles = useStyles();
  const s = useSearchStrings();
  const found = useResource((signal) => search(api, groupId, query, signal), [api, groupId, query]);
  if (!found.data) return found.error ? <ErrorState error={found.error} onRetry={found.reload} /> : <LoadingState label={s.loading} />;
  const results = found.data.results;
  return (
    <>
      <p className={styles.summary} role="status">
        {results.length === 0 ? s.none(query) : s.summary(results.length, query)}
      </p>
      {SEARCH_KINDS.map((kind) => {
        const hits = results.filter((r) => r.kind === kind);
        if (hits.length === 0) return null;
        return (
          <section key={kind} className={styles.kind} aria-labelledby={`search-${kind}`}>
            <h3 id={`search-${kind}`} className={styles.h3}>
              {`${s.kinds[kind]} (${hits.length})`}
            </h3>
            <ul className={styles.list}>
              {hits.map((hit) => (
                <Hit key={`${hit.kind}:${hit.target.arg}:${hit.id}`} hit={hit} navigate={navigate} />
              ))}
            </ul>
          </section>
        );
      })}
    </>
  );
}

export default function SearchView({ api, group, navigate }: ViewProps) {
  const styles = useStyles();
  const shared = useSharedStyles();
  const s = useSearchStrings();
  const query = useSearchQuery().trim();
  const headingId = useId();
  return (
    <section className={mergeClasses(shared.page, styles.section)} aria-labelledby={headingId}>
      <div className={styles.intro}>
        <h2 id={headingId} className={styles.h2}>
          {s.title}
        </h2>
        <p className={styles.lead}>{s.intro}</p>
      </div>
      {query.length < QUERY_MIN ? (
        <EmptyState>{s.empty}</EmptyState>
      ) : (
        <Results api={api} groupId={group.id} query={query} navigate={navigate} />
      )}
    </section>
  );
}
