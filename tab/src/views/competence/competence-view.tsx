/**
 * Kompetensutveckling: the year's plan by month, the ledger of activities with what was learned
 * and the actions that came of it, and the group's suggestions with a vote button for everyone
 * (aria-pressed says whether one has voted). Strategists add and change activities and plan
 * suggestions. Lists, not tables, so it reads in a 320 px side panel too.
 */
import { Badge, Button, Field, Input, makeStyles, mergeClasses, tokens, type BadgeProps } from '@fluentui/react-components';
import { useId, useMemo, useState, type MouseEvent } from 'react';
import { asApiError } from '../../api';
import { useI18n } from '../../i18n';
import { useSharedStyles } from '../../shared-styles';
import { useResource } from '../../use-resource';
import { ErrorState, LoadingState } from '../status-views';
import type { ViewProps } from '../view-props';
import { YearNav } from '../year-nav';
import { ActivityDialog } from './activity-dialog';
import {
  competenceApi,
  type Activity,
  type CompetenceApi,
  type CompetencePlan,
  type CompetenceStatus,
  type Suggestion,
} from './competence-api';
import { useCompetenceStrings } from './competence-strings';
import { SuggestionForm } from './suggestion-form';

const STATUS_COLOURS: Record<CompetenceStatus, NonNullable<BadgeProps['color']>> = {
  planned: 'informative',
  held: 'success',
  cancelled: 'danger',
};

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXL, paddingBlock: tokens.spacingVerticalL },
  head: { display: 'flex', flexWrap: 'wrap', justifyContent: 'space-between', alignItems: 'center', gap: tokens.spacingHorizontalM },
  h2: { margin: 0, fontSize: tokens.fontSizeBase500, lineHeight: tokens.lineHeightBase500, fontWeight: tokens.fontWeightSemibold },
  h3: { margin: 0, fontSize: tokens.fontSizeBase400, lineHeight: tokens.lineHeightBase400, fontWeight: tokens.fontWeightSemibold },
  h4: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold, overflowWrap: 'anywhere' },
  lead: { margin: 0, color: tokens.colorNeutralForeground2, maxWidth: '70ch' },
  part: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM, minWidth: 0 },
  list: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusMedium,
    boxShadow: tokens.shadow4,
    '@media (forced-colors: active)': { border: `${tokens.strokeWidthThin} solid CanvasText` },
  },
  item: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalXS,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    minWidth: 0,
    ':last-child': { borderBottom: 'none' },
    '@media (max-width: 480px)': { paddingInline: tokens.spacingHorizontalM },
  },
  row: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS, minWidth: 0 },
  meta: { margin: 0, color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200, overflowWrap: 'anywhere' },
  text: { margin: 0, overflowWrap: 'anywhere', whiteSpace: 'pre-line' },
  inner: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL, overflowWrap: 'anywhere' },
  label: { fontWeight: tokens.fontWeightSemibold },
  month: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXXS },
  planDate: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-end', gap: tokens.spacingHorizontalS },
  dateInput: { maxWidth: '11rem' },
  link: { color: tokens.colorBrandForegroundLink, overflowWrap: 'anywhere' },
});

function StatusBadge({ status }: { status: CompetenceStatus }) {
  const s = useCompetenceStrings();
  return (
    <Badge appearance="tint" color={STATUS_COLOURS[status]} shape="rounded">
      {s.statuses[status]}
    </Badge>
  );
}

/** "onsdag 14 oktober 2026" for a calendar date; noon UTC is the same day in Stockholm. */
function useDayText(): (date: string) => string {
  const { dates } = useI18n();
  return (date) => dates.longDate(`${date}T12:00:00Z`);
}

function YearPlan({ plan }: { plan: CompetencePlan }) {
  const styles = useStyles();
  const s = useCompetenceStrings();
  const dayText = useDayText();
  const headingId = useId();
  const byId = new Map(plan.activities.map((a) => [a.id, a]));
  const months = plan.months.map((ids, i) => ({ name: s.months[i] ?? String(i + 1), activities: ids.flatMap((id) => byId.get(id) ?? []) }));
  const shown = months.filter((m) => m.activities.length > 0);
  return (
    <section className={styles.part} aria-labelledby={headingId}>
      <h3 id={headingId} className={styles.h3}>
        {s.planHeading(plan.year)}
      </h3>
      {shown.length === 0 ? (
        <p className={styles.lead}>{s.planEmpty}</p>
      ) : (
        <ul className={styles.list}>
          {shown.map((month) => (
            <li key={month.name} className={mergeClasses(styles.item, styles.month)}>
              <h4 className={styles.h4}>{month.name}</h4>
              <ul className={styles.inner}>
                {month.activities.map((a) => (
                  <li key={a.id}>
                    {`${dayText(a.date)}: ${a.title} (${s.kinds[a.kind].toLowerCase()}, ${s.statuses[a.status].toLowerCase()})`}
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function ActivityItem({
  activity,
  mayEdit,
  onEdit,
  onOpenLink,
}: {
  activity: Activity;
  mayEdit: boolean;
  onEdit: () => void;
  onOpenLink: (url: string) => void;
}) {
  const styles = useStyles();
  const s = useCompetenceStrings();
  const dayText = useDayText();
  const organiser = [activity.organiserOrganisation?.name, activity.organiser].filter((x) => x).join(', ');
  const open = (url: string) => (event: MouseEvent<HTMLAnchorElement>) => {
    event.preventDefault();
    onOpenLink(url);
  };
  return (
    <li className={styles.item}>
      <div className={styles.row}>
        <h4 className={styles.h4}>{activity.title}</h4>
        <StatusBadge status={activity.status} />
      </div>
      <p className={styles.meta}>{`${dayText(activity.date)} · ${s.kinds[activity.kind]}`}</p>
      {activity.description && <p className={styles.text}>{activity.description}</p>}
      {organiser && (
        <p className={styles.text}>
          <span className={styles.label}>{s.organiser}:</span> {organiser}
        </p>
      )}
      {activity.participants.length > 0 && (
        <div>
          <p className={styles.text}>
            <span className={styles.label}>{s.participants}:</span> {s.participantsTotal(activity.participantsTotal)}
          </p>
          <ul className={styles.inner}>
            {activity.participants.map((p) => (
              <li key={p.organisationId}>{`${p.organisation}: ${p.count}`}</li>
            ))}
          </ul>
        </div>
      )}
      {activity.links.length > 0 && (
        <div>
          <p className={styles.text}>
            <span className={styles.label}>{s.links}:</span>
          </p>
          <ul className={styles.inner}>
            {activity.links.map((l) => (
              <li key={l.url}>
                <a className={styles.link} href={l.url} target="_blank" rel="noopener noreferrer" onClick={open(l.url)}>
                  {l.label || l.url}
                </a>
              </li>
            ))}
          </ul>
        </div>
      )}
      {activity.learned && (
        <div>
          <p className={styles.text}>
            <span className={styles.label}>{s.learned}:</span>
          </p>
          <p className={mergeClasses(styles.text, styles.inner)}>{activity.learned}</p>
        </div>
      )}
      {activity.actions.length > 0 && (
        <div>
          <p className={styles.text}>
            <span className={styles.label}>{s.actions}:</span>
          </p>
          <ul className={styles.inner}>
            {activity.actions.map((a) => (
              <li key={a.id}>
                {[a.title, s.actionStatuses[a.status], a.owner ? s.owner(a.owner) : null, a.dueDate ? s.due(a.dueDate) : null]
                  .filter((x) => x)
                  .join(' · ')}
              </li>
            ))}
          </ul>
        </div>
      )}
      {activity.suggestionId && <p className={styles.meta}>{s.fromSuggestion}</p>}
      {mayEdit && (
        <div className={styles.row}>
          <Button size="small" aria-label={s.editLabel(activity.title)} onClick={onEdit}>
            {s.edit}
          </Button>
        </div>
      )}
    </li>
  );
}

function SuggestionItem({
  suggestion,
  api,
  plan,
  onChanged,
  onPlanned,
  announce,
}: {
  suggestion: Suggestion;
  api: CompetenceApi;
  plan: CompetencePlan;
  onChanged: (s: Suggestion) => void;
  onPlanned: () => void;
  announce: (text: string) => void;
}) {
  const styles = useStyles();
  const s = useCompetenceStrings();
  const [busy, setBusy] = useState(false);
  const [date, setDate] = useState(plan.today);
  const [error, setError] = useState<string | null>(null);
  const open = suggestion.status === 'open';
  const titleId = useId();

  const vote = async (): Promise<void> => {
    setBusy(true);
    setError(null);
    try {
      const { suggestion: next } = await api.vote(suggestion.id, !suggestion.myVote);
      onChanged(next);
      announce((next.myVote ? s.votedAnnouncement : s.unvotedAnnouncement)(next.title, s.votes(next.votes)));
    } catch (caught) {
      setError(asApiError(caught).message);
    } finally {
      setBusy(false);
    }
  };
  const planIt = async (): Promise<void> => {
    setBusy(true);
    setError(null);
    try {
      await api.plan(suggestion.id, date.trim());
      onPlanned();
    } catch (caught) {
      setError(asApiError(caught).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <li className={styles.item}>
      <div className={styles.row}>
        <h4 id={titleId} className={styles.h4}>
          {suggestion.title}
        </h4>
        {!open && (
          <Badge appearance="tint" color="success" shape="rounded">
            {s.planned}
          </Badge>
        )}
      </div>
      <p className={styles.meta}>
        {[s.kinds[suggestion.kind], suggestion.suggestedBy ? s.suggestedBy(suggestion.suggestedBy) : null, s.votes(suggestion.votes)]
          .filter((x) => x)
          .join(' · ')}
      </p>
      {suggestion.description && <p className={styles.text}>{suggestion.description}</p>}
      {suggestion.link && <p className={styles.meta}>{suggestion.link}</p>}
      {open && (
        <div className={styles.row}>
          <Button
            size="small"
            appearance={suggestion.myVote ? 'primary' : 'secondary'}
            aria-pressed={suggestion.myVote}
            aria-describedby={titleId}
            title={suggestion.myVote ? s.votedHint : undefined}
            disabledFocusable={busy}
            onClick={() => void vote()}
          >
            {`${suggestion.myVote ? s.voted : s.vote} (${suggestion.votes})`}
          </Button>
        </div>
      )}
      {open && plan.mayPlan && (
        <div className={styles.planDate}>
          <Field label={s.planDate} hint={s.fields.dateHint}>
            <Input className={styles.dateInput} inputMode="numeric" maxLength={10} value={date} onChange={(_, d) => setDate(d.value)} />
          </Field>
          <Button size="small" aria-label={s.planLabel(suggestion.title)} disabledFocusable={busy} onClick={() => void planIt()}>
            {busy ? s.planning : s.planIt}
          </Button>
        </div>
      )}
      {error && (
        <p className={styles.meta} role="alert">
          {error}
        </p>
      )}
    </li>
  );
}

function CompetenceYear({
  api,
  groupId,
  year,
  onOpenLink,
}: {
  api: CompetenceApi;
  groupId: string;
  year: number;
  onOpenLink: (url: string) => void;
}) {
  const styles = useStyles();
  const shared = useSharedStyles();
  const s = useCompetenceStrings();
  const resource = useResource((signal) => api.get(year, signal), [api, groupId, year]);
  const [changed, setChanged] = useState<Record<string, Suggestion>>({});
  const [editing, setEditing] = useState<Activity | 'new' | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const ledgerId = useId();
  const suggestionsId = useId();

  const plan = resource.data;
  if (!plan) return resource.error ? <ErrorState error={resource.error} onRetry={resource.reload} /> : <LoadingState label={s.loading} />;
  const suggestions = plan.suggestions.map((x) => changed[x.id] ?? x);
  const reload = (): void => {
    setChanged({});
    resource.reload();
  };

  return (
    <>
      <div className={shared.visuallyHidden} role="status" aria-live="polite">
        {announcement}
      </div>
      <YearPlan plan={plan} />

      <section className={styles.part} aria-labelledby={ledgerId}>
        <div className={styles.head}>
          <h3 id={ledgerId} className={styles.h3}>
            {s.ledgerHeading}
          </h3>
          {plan.mayPlan && (
            <Button appearance="primary" onClick={() => setEditing('new')}>
              {s.add}
            </Button>
          )}
        </div>
        {plan.activities.length === 0 ? (
          <p className={styles.lead}>{s.ledgerEmpty}</p>
        ) : (
          <ul className={styles.list}>
            {plan.activities.map((a) => (
              <ActivityItem key={a.id} activity={a} mayEdit={plan.mayPlan} onEdit={() => setEditing(a)} onOpenLink={onOpenLink} />
            ))}
          </ul>
        )}
      </section>

      <section className={styles.part} aria-labelledby={suggestionsId}>
        <h3 id={suggestionsId} className={styles.h3}>
          {s.suggestionsHeading}
        </h3>
        <p className={styles.lead}>{s.suggestionsIntro}</p>
        {suggestions.length === 0 ? (
          <p className={styles.lead}>{s.suggestionsEmpty}</p>
        ) : (
          <ul className={styles.list}>
            {suggestions.map((x) => (
              <SuggestionItem
                key={x.id}
                suggestion={x}
                api={api}
                plan={plan}
                onChanged={(next) => setChanged((previous) => ({ ...previous, [next.id]: next }))}
                onPlanned={reload}
                announce={setAnnouncement}
              />
            ))}
          </ul>
        )}
        <SuggestionForm
          api={api}
          onSuggested={() => {
            setAnnouncement(s.suggested);
            reload();
          }}
        />
      </section>

      {editing && (
        <ActivityDialog
          api={api}
          plan={plan}
          activity={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            setAnnouncement(s.saved);
            reload();
          }}
        />
      )}
    </>
  );
}

export default function CompetenceView({ api, group, onOpenLink }: ViewProps) {
  const styles = useStyles();
  const shared = useSharedStyles();
  const s = useCompetenceStrings();
  const headingId = useId();
  const currentYear = useMemo(() => Number(new Date().toLocaleString('sv-SE', { timeZone: 'Europe/Stockholm', year: 'numeric' })), []);
  const [year, setYear] = useState(currentYear);
  const calls = useMemo(() => competenceApi(api, group.id), [api, group.id]);
  return (
    <section className={mergeClasses(shared.page, styles.section)} aria-labelledby={headingId}>
      <div className={styles.head}>
        <div className={styles.part}>
          <h2 id={headingId} className={styles.h2}>
            {s.title}
          </h2>
          <p className={styles.lead}>{s.intro}</p>
        </div>
        <YearNav year={year} currentYear={currentYear} onChange={setYear} />
      </div>
      <CompetenceYear key={`${group.id}-${year}`} api={calls} groupId={group.id} year={year} onOpenLink={onOpenLink} />
    </section>
  );
}
