/**
 * One of the group's suggestions: a vote button for everyone (aria-pressed says whether one has
 * voted) and, for strategists, the date to plan it on.
 */
import { Badge, Button, Field, Input } from '@fluentui/react-components';
import { useId, useState } from 'react';
import { asApiError } from '../../api';
import type { CompetenceApi, CompetencePlan, Suggestion } from './competence-api';
import { useCompetenceStrings } from './competence-strings';
import { useCompetenceStyles } from './competence-styles';

export function SuggestionItem({
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
  const styles = useCompetenceStyles();
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
