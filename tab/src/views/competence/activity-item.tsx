/**
 * One activity in the ledger: date, kind and status, organiser, participants per organisation,
 * links, what was learned and the actions that came of it, with *Ändra* for strategists.
 */
import { Badge, Button, mergeClasses, type BadgeProps } from '@fluentui/react-components';
import type { MouseEvent } from 'react';
import type { Activity, CompetenceStatus } from './competence-api';
import { useCompetenceStrings } from './competence-strings';
import { useCompetenceStyles } from './competence-styles';
import { useDayText } from './use-day-text';

const STATUS_COLOURS: Record<CompetenceStatus, NonNullable<BadgeProps['color']>> = {
  planned: 'informative',
  held: 'success',
  cancelled: 'danger',
};

function StatusBadge({ status }: { status: CompetenceStatus }) {
  const s = useCompetenceStrings();
  return (
    <Badge appearance="tint" color={STATUS_COLOURS[status]} shape="rounded">
      {s.statuses[status]}
    </Badge>
  );
}

export function ActivityItem({
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
  const styles = useCompetenceStyles();
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
