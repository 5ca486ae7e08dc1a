/**
 * Nåddes inte: who a message about this meeting reached neither in Teams nor by mail, and why, so
 * a strategist can reach them another way. One line per person and message.
 */
import { makeStyles, tokens } from '@fluentui/react-components';
import { useFollowUpStrings } from './follow-up-strings';
import type { NotReached } from './meeting-api';

const useStyles = makeStyles({
  box: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXS },
  title: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  intro: { margin: 0, color: tokens.colorNeutralForeground2 },
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalXL, overflowWrap: 'anywhere' },
});

export function NotReachedList({ meetingId, notReached, headingId }: { meetingId: string; notReached: NotReached[]; headingId: string }) {
  const styles = useStyles();
  const s = useFollowUpStrings();
  // The subject is the meeting id, or `<action id>:<meeting id>` for an action's messages.
  const here = notReached.filter((n) => n.subject === meetingId || n.subject.endsWith(`:${meetingId}`));
  if (here.length === 0) return null;
  const byMessage = new Map<string, { name: string; kind: string; reasons: string[] }>();
  for (const n of here) {
    const key = `${n.kind}|${n.target}`;
    const entry = byMessage.get(key) ?? { name: n.name, kind: n.kind, reasons: [] };
    entry.reasons.push(s.reasons[n.reason] ?? s.reasons.error ?? n.reason);
    byMessage.set(key, entry);
  }
  return (
    <div className={styles.box}>
      <h4 id={headingId} className={styles.title}>
        {s.notReachedTitle}
      </h4>
      <p className={styles.intro}>{s.notReachedIntro}</p>
      <ul className={styles.list} aria-labelledby={headingId}>
        {[...byMessage.entries()].map(([key, entry]) => (
          <li key={key}>{`${entry.name} (${s.messageKinds[entry.kind] ?? s.otherMessage}): ${[...new Set(entry.reasons)].join(', ')}`}</li>
        ))}
      </ul>
    </div>
  );
}
