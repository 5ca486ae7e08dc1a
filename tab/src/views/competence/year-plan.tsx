/** The year's plan, month by month: each activity's day, title, kind and status; months without any are left out. */
import { mergeClasses } from '@fluentui/react-components';
import { useId } from 'react';
import type { CompetencePlan } from './competence-api';
import { useCompetenceStrings } from './competence-strings';
import { useCompetenceStyles } from './competence-styles';
import { useDayText } from './use-day-text';

export function YearPlan({ plan }: { plan: CompetencePlan }) {
  const styles = useCompetenceStyles();
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
