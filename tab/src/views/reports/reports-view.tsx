/**
 * *Rapporter* (strategists only): a report for a chosen period (this year by default) to the
 * environment committee or to SDL — meetings held, attendance as a heat map, proposals and
 * decisions per organisation and per goal, actions, competence activities and re-reporting —
 * each chart with its table, and *Skapa rapport (.docx)*, which stores the report as a Word
 * document in the group's library (and mails it when asked) and links to it.
 */
import { Button, Field, Input, Radio, RadioGroup, mergeClasses } from '@fluentui/react-components';
import { useId, useState, type FormEvent } from 'react';
import { currentStockholmYear } from '../../i18n/format-dates';
import { useSharedStyles } from '../../shared-styles';
import { useResource } from '../../use-resource';
import { ErrorState, LoadingState } from '../status-views';
import type { ViewProps } from '../view-props';
import { DocumentPanel } from './document-panel';
import { ReportBody } from './report-body';
import { getReport, type ReportAudience, type ReportQuery } from './reports-api';
import { useReportStyles } from './report-styles';
import { useReportsStrings } from './reports-strings';

export default function ReportsView(props: ViewProps) {
  const { api, group } = props;
  const styles = useReportStyles();
  const shared = useSharedStyles();
  const s = useReportsStrings();
  const headingId = useId();
  const year = currentStockholmYear();
  const [from, setFrom] = useState(`${year}-01-01`);
  const [to, setTo] = useState(`${year}-12-31`);
  const [audience, setAudience] = useState<ReportAudience>('utskott');
  const [query, setQuery] = useState<ReportQuery>({ from: `${year}-01-01`, to: `${year}-12-31`, audience: 'utskott' });
  const [formError, setFormError] = useState(false);
  const report = useResource((signal) => getReport(api, group.id, query, signal), [api, group.id, query]);

  const submit = (event: FormEvent): void => {
    event.preventDefault();
    if (!from || !to || from > to) {
      setFormError(true);
      return;
    }
    setFormError(false);
    setQuery({ from, to, audience });
  };

  return (
    <section className={mergeClasses(shared.page, styles.section)} aria-labelledby={headingId}>
      <div className={styles.intro}>
        <h2 id={headingId} className={styles.h2}>
          {s.title}
        </h2>
        <p className={styles.lead}>{s.intro}</p>
      </div>
      <form className={mergeClasses(styles.card, styles.form)} onSubmit={submit} aria-label={s.form}>
        <Field label={s.from} validationMessage={formError ? s.fromAfterTo : undefined} validationState={formError ? 'error' : 'none'}>
          <Input className={styles.date} type="date" value={from} onChange={(_, data) => setFrom(data.value)} required />
        </Field>
        <Field label={s.to}>
          <Input className={styles.date} type="date" value={to} onChange={(_, data) => setTo(data.value)} required />
        </Field>
        <Field label={s.audience}>
          <RadioGroup value={audience} onChange={(_, data) => setAudience(data.value as ReportAudience)}>
            <Radio value="utskott" label={report.data?.committeeName ?? s.committeeFallback} />
            <Radio value="sdl" label={s.sdl} />
          </RadioGroup>
        </Field>
        <Button type="submit" appearance="secondary">
          {s.show}
        </Button>
      </form>
      {report.error && <ErrorState error={report.error} onRetry={report.reload} />}
      {!report.data && !report.error && <LoadingState label={s.loading} />}
      {report.data && (
        <>
          <ReportBody report={report.data} s={s} />
          <DocumentPanel props={props} query={query} />
        </>
      )}
    </section>
  );
}
