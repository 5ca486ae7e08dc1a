/**
 * Change one meeting: date and time (Stockholm), length, place, online link and name. Only what
 * was changed is sent; the service's refusal is shown at the field it names.
 */
import {
  Button,
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
  Spinner,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useRef, useState, type FormEvent } from 'react';
import type { Meeting } from '../../api-types';
import { asApiError } from '../../api';
import { useI18n } from '../../i18n';
import { explainError, type Explained, type PlanField } from './plan-errors';
import type { MeetingChangeResult, MeetingChanges, PlanApi } from './plan-api';
import { MeetingFields } from './meeting-fields';
import { usePlanStrings } from './plan-strings';

const useStyles = makeStyles({
  surface: { maxWidth: 'min(560px, calc(100vw - 16px))', padding: tokens.spacingHorizontalL },
  form: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
  grid: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(min(100%, 150px), 1fr))',
    gap: tokens.spacingHorizontalM,
  },
  wide: { gridColumn: '1 / -1' },
});

export function EditMeetingDialog({
  api,
  meeting,
  onClose,
  onSaved,
}: {
  api: PlanApi;
  meeting: Meeting;
  onClose: () => void;
  onSaved: (result: MeetingChangeResult) => void;
}) {
  const styles = useStyles();
  const s = usePlanStrings();
  const { t, dates } = useI18n();
  const initial = {
    title: meeting.title,
    date: dates.isoDate(meeting.startsAt),
    time: dates.time(meeting.startsAt),
    durationMinutes: String(meeting.durationMinutes),
    place: meeting.place,
    onlineUrl: meeting.onlineUrl ?? '',
  };
  const [draft, setDraft] = useState(initial);
  const [error, setError] = useState<Explained | null>(null);
  const [saving, setSaving] = useState(false);
  const savingRef = useRef(false);

  const set = (key: keyof typeof initial) => (value: string) => {
    setError(null);
    setDraft((previous) => ({ ...previous, [key]: value }));
  };

  const changes = (): MeetingChanges | { field: PlanField } => {
    const out: MeetingChanges = {};
    if (draft.title !== initial.title) {
      if (draft.title.trim() === '') return { field: 'title' };
      out.title = draft.title;
    }
    if (draft.date !== initial.date) {
      if (!/^\d{4}-\d{2}-\d{2}$/.test(draft.date)) return { field: 'date' };
      out.date = draft.date;
    }
    if (draft.time !== initial.time) {
      if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(draft.time)) return { field: 'time' };
      out.time = draft.time;
    }
    if (draft.durationMinutes !== initial.durationMinutes) {
      const minutes = /^\d{1,3}$/.test(draft.durationMinutes.trim()) ? Number(draft.durationMinutes.trim()) : NaN;
      if (!(minutes >= 15 && minutes <= 480)) return { field: 'durationMinutes' };
      out.durationMinutes = minutes;
    }
    if (draft.place !== initial.place) out.place = draft.place;
    if (draft.onlineUrl !== initial.onlineUrl) {
      const url = draft.onlineUrl.trim();
      if (url !== '' && !/^https:\/\/[^\s/?#@\\]+(?:[/?#]\S*)?$/i.test(url)) return { field: 'onlineUrl' };
      out.onlineUrl = url === '' ? null : url;
    }
    return out;
  };

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if (savingRef.current) return;
    const body = changes();
    if ('field' in body) {
      setError({ field: body.field, text: s.fieldErrors[body.field] });
      return;
    }
    if (Object.keys(body).length === 0) {
      onClose();
      return;
    }
    savingRef.current = true;
    setSaving(true);
    try {
      onSaved(await api.edit(meeting.id, body));
    } catch (caught) {
      setError(explainError(asApiError(caught), s, t));
    } finally {
      savingRef.current = false;
      setSaving(false);
    }
  };

  const errorAt = (field: PlanField): string | undefined => (error?.field === field ? error.text : undefined);
  // The weekday and month in words confirm the date typed; noon UTC is the same day in Stockholm.
  const dateHint = (date: string): string => {
    const noon = /^\d{4}-\d{2}-\d{2}$/.test(date) ? new Date(`${date}T12:00:00Z`) : null;
    return noon && !Number.isNaN(noon.getTime()) && noon.toISOString().startsWith(date)
      ? dates.longDate(noon.toISOString())
      : s.fields.dateHint;
  };
  return (
    <Dialog open onOpenChange={(_, data) => !data.open && !saving && onClose()}>
      <DialogSurface className={styles.surface}>
        <form className={styles.form} onSubmit={(event) => void submit(event)} noValidate>
          <DialogBody>
            <DialogTitle>{s.editTitle(meeting.title)}</DialogTitle>
            <DialogContent className={styles.form}>
              <div className={styles.grid}>
                <Field className={styles.wide} label={s.fields.title} validationMessage={errorAt('title')} required>
                  <Input maxLength={120} value={draft.title} onChange={(_, d) => set('title')(d.value)} />
                </Field>
                {/* Text, not the browser's date and time pickers: those follow the browser's language ("03/08/2028", "1:00 PM"). */}
                <Field label={s.fields.date} hint={dateHint(draft.date)} validationMessage={errorAt('date')} required>
                  <Input inputMode="numeric" maxLength={10} value={draft.date} onChange={(_, d) => set('date')(d.value)} />
                </Field>
                <Field label={s.fields.time} hint={s.fields.timeHint} validationMessage={errorAt('time')} required>
                  <Input inputMode="numeric" maxLength={5} value={draft.time} onChange={(_, d) => set('time')(d.value)} />
                </Field>
                <MeetingFields values={draft} onChange={set} errorAt={errorAt} wideClassName={styles.wide} />
              </div>
              {meeting.status === 'called' && (
                <MessageBar intent="warning" layout="multiline">
                  <MessageBarBody>{s.kallelseSent}</MessageBarBody>
                </MessageBar>
              )}
              {error && error.field === null && (
                <MessageBar intent="error" layout="multiline" role="alert">
                  <MessageBarBody>
                    {s.changeFailed} {error.text}
                  </MessageBarBody>
                </MessageBar>
              )}
            </DialogContent>
            <DialogActions>
              <Button appearance="primary" type="submit" disabled={saving} icon={saving ? <Spinner size="tiny" /> : undefined}>
                {saving ? s.saving : s.save}
              </Button>
              <Button appearance="secondary" onClick={onClose} disabled={saving}>
                {s.cancel}
              </Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
