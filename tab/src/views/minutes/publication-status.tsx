/**
 * How far published minutes have come outside the tab: the Word document in the group's
 * library, the mail to everyone, the cards in Teams. While the job works (or waits to try again
 * after Graph refused), it looks again every few seconds and says so to screen readers politely.
 */
import { Link, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect } from 'react';
import { useI18n } from '../../i18n';
import type { Publication } from './minutes-api';

const sv = {
  working:
    'Publiceringen pågår: dokumentet sparas i gruppens gemensamma arbetsrum, e-posten skickas och minnesanteckningarna meddelas i Teams.',
  retrying: (time: string) => `Publiceringen väntar och försöker igen kl. ${time}.`,
  reason: (error: string) => `Senaste felet (tekniskt, för den som sköter Arbetsrum): ${error}`,
  document: 'Öppna dokumentet i gruppens gemensamma arbetsrum',
  documentStored: 'Dokumentet är sparat i gruppens gemensamma arbetsrum.',
  mailed: (count: number) => `Skickat med e-post till ${count} mottagare.`,
  announced: 'Meddelat i Teams.',
};

const en: typeof sv = {
  working: "Publishing: the document is being stored in the group's shared workspace, the mail sent and the minutes announced in Teams.",
  retrying: (time) => `Publishing is waiting and tries again at ${time}.`,
  reason: (error) => `Last error (technical, for whoever runs Arbetsrum): ${error}`,
  document: "Open the document in the group's shared workspace",
  documentStored: "The document is stored in the group's shared workspace.",
  mailed: (count) => `Mailed to ${count} ${count === 1 ? 'recipient' : 'recipients'}.`,
  announced: 'Announced in Teams.',
};

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXXS },
  busy: { display: 'flex', alignItems: 'center', columnGap: tokens.spacingHorizontalS },
});

const POLL_MS = 3_000;

export function PublicationStatus({ publication, onReload }: { publication: Publication | null; onReload: () => void }) {
  const { language, dates } = useI18n();
  const s = language === 'en' ? en : sv;
  const styles = useStyles();
  const done = publication?.state === 'done';
  useEffect(() => {
    if (!publication || done) return undefined;
    const timer = setInterval(onReload, POLL_MS);
    return () => clearInterval(timer);
  }, [publication, done, onReload]);
  if (!publication) return null;
  const link = publication.documentUrl && /^https?:\/\//i.test(publication.documentUrl) ? publication.documentUrl : null;
  return (
    <div className={styles.root} role="status" aria-live="polite">
      {!done && (
        <span className={styles.busy}>
          <Spinner size="extra-tiny" aria-hidden />
          {publication.state === 'retrying' && publication.nextAttemptAt ? s.retrying(dates.time(publication.nextAttemptAt)) : s.working}
        </span>
      )}
      {!done && publication.lastError && <span>{s.reason(publication.lastError)}</span>}
      {publication.documentStored &&
        (link ? (
          <Link href={link} target="_blank" rel="noreferrer">
            {s.document}
          </Link>
        ) : (
          <span>{s.documentStored}</span>
        ))}
      {publication.mailed && <span>{s.mailed(publication.recipients)}</span>}
      {publication.announced && <span>{s.announced}</span>}
    </div>
  );
}
