/**
 * Kompetensutveckling: the year's plan by month, the ledger of activities with what was learned
 * and the actions that came of it, and the group's suggestions with a vote button for everyone
 * (aria-pressed says whether one has voted). Strategists add and change activities and plan
 * suggestions. Lists, not tables, so it reads in a 320 px side panel too.
 */
import { Button, mergeClasses } from '@fluentui/react-components';
import { useId, useMemo, useState } from 'react';
import { useSharedStyles } from '../../shared-styles';
import { useResource } from '../../use-resource';
import { ErrorState, LoadingState } from '../status-views';
import type { ViewProps } from '../view-props';
import { YearNav } from '../year-nav';
import { ActivityDialog } from './activity-dialog';
import { ActivityItem } from './activity-item';
import { competenceApi, type Activity, type CompetenceApi, type Suggestion } from './competence-api';
import { useCompetenceStrings } from './competence-strings';
import { useCompetenceStyles } from './competence-styles';
import { SuggestionForm } from './suggestion-form';
import { SuggestionItem } from './suggestion-item';
import { YearPlan } from './year-plan';

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
  const styles = useCompetenceStyles();
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
  const styles = useCompetenceStyles();
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
