/**
 * Above published minutes: when and by whom they were published, that they are a public record,
 * who approved them, earlier versions, how far the document, mail and cards have come, and — for
 * the writers — *Rätta (ny version)*.
 */
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, makeStyles, tokens } from '@fluentui/react-components';
import { useI18n } from '../../i18n';
import type { Minutes } from './minutes-api';
import { useMinutesStrings } from './minutes-strings';
import { PublicationStatus } from './publication-status';

const useStyles = makeStyles({
  body: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXS },
});

/** "A, B och C" */
function listOf(names: readonly string[], and: string): string {
  return names.length < 2 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} ${and} ${names.at(-1) ?? ''}`;
}

export function PublishedNotice({
  minutes,
  busy,
  correcting,
  onCorrect,
  onReload,
}: {
  minutes: Minutes;
  busy: boolean;
  correcting: boolean;
  onCorrect: () => void;
  onReload: () => void;
}) {
  const styles = useStyles();
  const s = useMinutesStrings();
  const { dates } = useI18n();
  const earlier = minutes.versions.filter((v) => v.status === 'published' && v.version !== minutes.version);
  // The chair's approval first (the record names who checked it), then the others in the order they came.
  const approvers = minutes.review.approvals
    .filter((a) => a.current)
    .sort((a, b) => Number(b.asChair) - Number(a.asChair))
    .map((a) => (a.asChair ? s.chairMark(a.person.name) : a.person.name));
  return (
    <MessageBar intent="info" layout="multiline">
      <MessageBarBody>
        <div className={styles.body}>
          <MessageBarTitle>
            {minutes.publishedAt &&
              s.publishedOn(dates.longDate(minutes.publishedAt), dates.time(minutes.publishedAt), minutes.publishedBy?.name ?? '')}
          </MessageBarTitle>
          <span>{s.publishedNote}</span>
          {approvers.length > 0 && <span>{s.approvedList(listOf(approvers, s.and))}</span>}
          {earlier.length > 0 && <span>{s.earlierVersions(earlier.map((v) => v.version).join(', '))}</span>}
          <PublicationStatus publication={minutes.publication} onReload={onReload} />
        </div>
      </MessageBarBody>
      {minutes.permissions.correct && (
        <MessageBarActions>
          <Button appearance="primary" disabledFocusable={busy} onClick={onCorrect}>
            {correcting ? s.correcting : s.correct}
          </Button>
        </MessageBarActions>
      )}
    </MessageBar>
  );
}
