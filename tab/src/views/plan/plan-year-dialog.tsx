/**
 * "Planera år": the pattern (how many, which weekday and week, time, length, place, link) and a
 * preview of the dates and chairs the service would create, asked again as the pattern changes.
 * A year that has meetings already needs the strategist to say "add to them" first.
 */
import {
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Select,
  Spinner,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { asApiError } from '../../api';
import { useI18n } from '../../i18n';
import { useSharedStyles } from '../../shared-styles';
import { explainError, type Explained, type PlanField } from './plan-errors';
import type { PlanApi, PlanDefaults, PlanPattern, PlanResult } from './plan-api';
import { MeetingFields } from './meeting-fields';
import { usePlanStrings } from './plan-strings';

const useStyles = makeStyles({
  surface: { maxWidth: 'min(640px, calc(100vw - 16px))', padding: tokens.spacingHorizontalL },
  form: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
  grid: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(min(100%, 150px), 1fr))',
    gap: tokens.spacingHorizontalM,
  },
  wide: { gridColumn: '1 / -1' },
  preview: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalXS,
    padding: tokens.spacingHorizontalM,
    backgroundColor: tokens.colorNeutralBackground2,
    borderRadius: tokens.borderRadiusMedium,
    '@media (forced-colors: active)': { border: `${tokens.strokeWidthThin} solid CanvasText` },
  },
  previewHead: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL, display: 'flex', flexDirection: 'column', rowGap: '2px' },
  chair: { color: tokens.colorNeutralForeground2 },
  muted: { color: tokens.colorNeutralForeground3 },
});

interface Draft {
  year: string;
  count: string;
  weekday: string;
  occurrence: string;
  startTime: string;
  durationMinutes: string;
  place: string;
  onlineUrl: string;
  addToExisting: boolean;
}

const int = (text: string): number => (/^\d{1,4}$/.test(text.trim()) ? Number(text.trim()) : NaN);

/** The checks the tab can make before asking: the service checks again. */
function toPattern(draft: Draft): { pattern: PlanPattern } | { field: PlanField } {
  const [year, count, duration] = [int(draft.year), int(draft.count), int(draft.durationMinutes)];
  if (!(year >= 2000 && year <= 2100)) return { field: 'year' };
  if (!(count >= 1 && count <= 12)) return { field: 'count' };
  if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(draft.startTime)) return { field: 'startTime' };
  if (!(duration >= 15 && duration <= 480)) return { field: 'durationMinutes' };
  if ([...draft.place.trim()].length > 200) return { field: 'place' };
  const url = draft.onlineUrl.trim();
  if (url !== '' && !/^https:\/\/[^\s/?#@\\]+(?:[/?#]\S*)?$/i.test(url)) return { field: 'onlineUrl' };
  return {
    pattern: {
      year,
      count,
      weekday: Number(draft.weekday),
      occurrence: Number(draft.occurrence),
      startTime: draft.startTime,
      durationMinutes: duration,
      place: draft.place.trim(),
      onlineUrl: url === '' ? null : url,
      addToExisting: draft.addToExisting,
    },
  };
}

export function PlanYearDialog({
  api,
  groupId,
  year,
  defaults,
  onClose,
  onPlanned,
}: {
  api: PlanApi;
  groupId: string;
  year: number;
  defaults: PlanDefaults;
  onClose: () => void;
  onPlanned: (result: PlanResult) => void;
}) {
  const styles = useStyles();
  const shared = useSharedStyles();
  const s = usePlanStrings();
  const { t, dates } = useI18n();
  const previewId = useId();
  const [draft, setDraft] = useState<Draft>({
    year: String(year),
    count: String(defaults.count),
    weekday: String(defaults.weekday <= 5 ? defaults.weekday : 3),
    occurrence: String(defaults.occurrence),
    startTime: defaults.startTime,
    durationMinutes: String(defaults.durationMinutes),
    place: defaults.place,
    onlineUrl: defaults.onlineUrl ?? '',
    addToExisting: false,
  });
  const [preview, setPreview] = useState<{ loading: boolean; result?: PlanResult; error?: Explained }>({ loading: true });
  const [submitting, setSubmitting] = useState(false);
  const [submitError, setSubmitError] = useState<Explained | null>(null);
  const submittingRef = useRef(false);

  const checked = toPattern(draft);
  const localError: Explained | null = 'field' in checked ? { field: checked.field, text: s.fieldErrors[checked.field] } : null;
  const patternKey = 'pattern' in checked ? JSON.stringify({ ...checked.pattern, addToExisting: false }) : null;

  // Ask for the dates again when the pattern changes, a moment after the last keystroke.
  useEffect(() => {
    if (patternKey === null) return;
    const controller = new AbortController();
    setPreview((previous) => ({ loading: true, ...(previous.result ? { result: previous.result } : {}) }));
    const timer = setTimeout(() => {
      api.plan(groupId, JSON.parse(patternKey) as PlanPattern, true, controller.signal).then(
        (result) => setPreview({ loading: false, result }),
        (error: unknown) => {
          if (!controller.signal.aborted) setPreview({ loading: false, error: explainError(asApiError(error), s, t) });
        },
      );
    }, 250);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [api, groupId, patternKey, s, t]);

  const set =
    (key: keyof Draft) =>
    (value: string): void => {
      setSubmitError(null);
      setDraft((previous) => ({ ...previous, [key]: value }));
    };
  const shownError = localError ?? submitError ?? preview.error ?? null;
  const errorAt = (field: PlanField): string | undefined => (shownError?.field === field ? shownError.text : undefined);
  const result = preview.result;
  const needsAdd = (result?.existing ?? 0) > 0;
  const count = result?.meetings.length ?? 0;
  const canCreate = !localError && !preview.loading && !preview.error && count > 0 && (!needsAdd || draft.addToExisting) && !submitting;

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    // One request however often the button is pressed.
    if (!canCreate || !('pattern' in checked) || submittingRef.current) return;
    submittingRef.current = true;
    setSubmitting(true);
    setSubmitError(null);
    try {
      onPlanned(await api.plan(groupId, checked.pattern, false));
    } catch (error) {
      setSubmitError(explainError(asApiError(error), s, t));
    } finally {
      submittingRef.current = false;
      setSubmitting(false);
    }
  };

  const weekdayName = s.weekdays[Number(draft.weekday) - 1] ?? '';
  const occurrenceName = s.occurrences[Number(draft.occurrence) - 1] ?? '';
  return (
    <Dialog open onOpenChange={(_, data) => !data.open && !submitting && onClose()}>
      <DialogSurface className={styles.surface}>
        <form className={styles.form} onSubmit={(event) => void submit(event)} noValidate>
          <DialogBody>
            <DialogTitle>{s.planTitle}</DialogTitle>
            <DialogContent className={styles.form}>
              <Text>{s.planIntro}</Text>
              <div className={styles.grid}>
                <Field label={s.fields.year} validationMessage={errorAt('year')} required>
                  <Input type="number" min={2000} max={2100} value={draft.year} onChange={(_, d) => set('year')(d.value)} />
                </Field>
                <Field label={s.fields.count} validationMessage={errorAt('count')} required>
                  <Input type="number" min={1} max={12} value={draft.count} onChange={(_, d) => set('count')(d.value)} />
                </Field>
                <Field label={s.fields.weekday} validationMessage={errorAt('weekday')}>
                  <Select value={draft.weekday} onChange={(_, d) => set('weekday')(d.value)}>
                    {s.weekdays.slice(0, 5).map((name, i) => (
                      <option key={name} value={String(i + 1)}>
                        {name}
                      </option>
                    ))}
                  </Select>
                </Field>
                <Field label={s.fields.occurrence} validationMessage={errorAt('occurrence')}>
                  <Select value={draft.occurrence} onChange={(_, d) => set('occurrence')(d.value)}>
                    {s.occurrences.map((name, i) => (
                      <option key={name} value={String(i + 1)}>
                        {name}
                      </option>
                    ))}
                  </Select>
                </Field>
                <Field label={s.fields.startTime} hint={s.fields.timeHint} validationMessage={errorAt('startTime')} required>
                  <Input inputMode="numeric" maxLength={5} value={draft.startTime} onChange={(_, d) => set('startTime')(d.value)} />
                </Field>
                <MeetingFields values={draft} onChange={set} errorAt={errorAt} wideClassName={styles.wide} />
              </div>

              <section className={styles.preview} aria-labelledby={`${previewId}-h`} aria-busy={preview.loading}>
                <h3 id={`${previewId}-h`} className={styles.previewHead}>
                  {s.previewHeading}: {s.patternSummary(weekdayName, occurrenceName, draft.startTime)}
                </h3>
                <div className={shared.visuallyHidden} role="status" aria-live="polite">
                  {result && !preview.loading && !localError ? s.summary(result.year, count) : ''}
                </div>
                <div>
                  {localError ? null : preview.loading && !result ? (
                    <Spinner size="tiny" label={s.previewLoading} labelPosition="after" />
                  ) : result ? (
                    <>
                      {count === 0 ? (
                        <Text>{s.nothingToCreate}</Text>
                      ) : (
                        <ol className={styles.list}>
                          {result.meetings.map((m) => (
                            <li key={m.startsAt}>
                              <Text>
                                {dates.longDate(m.startsAt)}, {dates.timeSpan(m.startsAt, m.durationMinutes)}
                              </Text>{' '}
                              <Text className={styles.chair}>– {s.previewChair(m.chair?.name ?? null)}</Text>
                            </li>
                          ))}
                        </ol>
                      )}
                      {result.skipped.map((skip) => (
                        <Text key={skip.date} className={styles.muted} size={200} block>
                          {s.skipped(skip.date, skip.reason === 'exists' ? s.skippedExists : s.skippedPast)}
                        </Text>
                      ))}
                    </>
                  ) : null}
                </div>
              </section>

              {needsAdd && result && (
                <MessageBar intent="warning" layout="multiline">
                  <MessageBarBody>
                    <Text block>{s.existing(result.year, result.existing)}</Text>
                    <Checkbox
                      checked={draft.addToExisting}
                      onChange={(_, d) => setDraft((previous) => ({ ...previous, addToExisting: d.checked === true }))}
                      label={s.addToExisting}
                    />
                  </MessageBarBody>
                </MessageBar>
              )}
              {shownError && shownError.field === null && (
                <MessageBar intent="error" layout="multiline" role="alert">
                  <MessageBarBody>{shownError.text}</MessageBarBody>
                </MessageBar>
              )}
            </DialogContent>
            <DialogActions>
              <Button appearance="primary" type="submit" disabled={!canCreate} icon={submitting ? <Spinner size="tiny" /> : undefined}>
                {submitting ? s.saving : s.create(count)}
              </Button>
              <Button appearance="secondary" onClick={onClose} disabled={submitting}>
                {s.cancel}
              </Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
