/**
 * *Skapa rapport (.docx)*: stores the report shown as a Word document in the group's library,
 * mails it when asked (the group, and addresses checked here before anything is sent), and links to it.
 */
import { Button, Checkbox, Field, Input, Link, Spinner } from '@fluentui/react-components';
import { useId, useState } from 'react';
import { asApiError, type ApiError } from '../../api';
import { ErrorState } from '../status-views';
import type { ViewProps } from '../view-props';
import { createReportDocument, type ReportDocument, type ReportQuery } from './reports-api';
import { useReportsStrings } from './reports-strings';
import { useReportStyles } from './report-styles';

const ADDRESS = /^[^\s@,;]+@[^\s@,;]+\.[^\s@,;]+$/;

export function DocumentPanel({ props, query }: { props: ViewProps; query: ReportQuery }) {
  const styles = useReportStyles();
  const s = useReportsStrings();
  const [mailGroup, setMailGroup] = useState(false);
  const [addresses, setAddresses] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [badAddresses, setBadAddresses] = useState(false);
  const [done, setDone] = useState<ReportDocument | null>(null);
  const headingId = useId();

  const create = async (): Promise<void> => {
    const list = addresses
      .split(/[,;\s]+/)
      .map((a) => a.trim())
      .filter((a) => a !== '');
    if (list.some((a) => !ADDRESS.test(a))) {
      setBadAddresses(true);
      return;
    }
    setBadAddresses(false);
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      setDone(await createReportDocument(props.api, props.group.id, { ...query, mail: { group: mailGroup, addresses: list } }));
    } catch (caught) {
      setError(asApiError(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className={styles.card} aria-labelledby={headingId}>
      <h3 id={headingId} className={styles.h3}>
        {s.document}
      </h3>
      <p className={styles.lead}>{s.documentLead}</p>
      <Checkbox checked={mailGroup} onChange={(_, data) => setMailGroup(data.checked === true)} label={s.mailGroup} />
      <Field
        label={s.addresses}
        validationMessage={badAddresses ? s.badAddresses : undefined}
        validationState={badAddresses ? 'error' : 'none'}
      >
        <Input value={addresses} onChange={(_, data) => setAddresses(data.value)} type="text" inputMode="email" autoComplete="off" />
      </Field>
      <Button appearance="primary" disabledFocusable={busy} onClick={() => void create()} style={{ alignSelf: 'flex-start' }}>
        {s.create}
      </Button>
      <div className={styles.status} role="status" aria-live="polite">
        {busy && <Spinner size="tiny" label={s.creating} />}
        {done && (
          <>
            <p className={styles.p}>{s.stored(done.fileName)}</p>
            <p className={styles.p}>
              <Link
                href={done.webUrl}
                target="_blank"
                rel="noreferrer"
                onClick={(event) => {
                  event.preventDefault();
                  props.onOpenLink(done.webUrl);
                }}
              >
                {s.open}
              </Link>
            </p>
            {done.mail === 'sent' && <p className={styles.p}>{s.mailed(done.recipients)}</p>}
          </>
        )}
      </div>
      {done?.mail === 'failed' && (
        <p className={styles.p} role="alert">
          {s.mailFailed}
        </p>
      )}
      {error && <ErrorState error={error} />}
    </section>
  );
}
