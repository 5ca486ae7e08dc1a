/**
 * A strategist adds or changes an activity: kind, status, date, title, organiser, participants
 * per organisation (counts, once held), links, *vad vi lärde oss* and the actions that came of it.
 * The service checks every rule; its answer is shown at the field it names.
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
  Textarea,
} from '@fluentui/react-components';
import { useRef, useState, type FormEvent } from 'react';
import { asApiError } from '../../api';
import { useActivityDialogStyles } from './activity-dialog-styles';
import { draftOf, HTTPS, type Draft, type Errors } from './activity-draft';
import { KINDS, STATUSES, type Activity, type ActivityBody, type CompetenceApi, type CompetencePlan } from './competence-api';
import { useCompetenceStrings } from './competence-strings';

export function ActivityDialog({
  api,
  plan,
  activity,
  onClose,
  onSaved,
}: {
  api: CompetenceApi;
  plan: CompetencePlan;
  /** Null: a new activity. */
  activity: Activity | null;
  onClose: () => void;
  onSaved: (activity: Activity) => void;
}) {
  const styles = useActivityDialogStyles();
  const s = useCompetenceStrings();
  const [draft, setDraft] = useState<Draft>(() => draftOf(activity, plan.today));
  const [errors, setErrors] = useState<Errors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const savingRef = useRef(false);
  const held = draft.status === 'held';

  const set = <K extends keyof Draft>(key: K, value: Draft[K]): void => {
    setErrors((previous) => ({ ...previous, [key === 'counts' ? 'participants' : key]: undefined }));
    setDraft((previous) => ({ ...previous, [key]: value }));
  };
  // One empty row to type a new link into, up to five.
  const linkRows = draft.links.length < 5 ? [...draft.links, { url: '', label: '' }] : draft.links;
  const setLink = (index: number, part: 'url' | 'label', value: string): void => {
    const next = linkRows.map((row, i) => (i === index ? { ...row, [part]: value } : row));
    set('links', next);
  };

  // The rules the service checks too, found here first so the error stands at its field.
  const body = (): ActivityBody | null => {
    const found: Errors = {};
    const participants: ActivityBody['participants'] = [];
    if (held) {
      for (const [organisationId, text] of Object.entries(draft.counts)) {
        if (text.trim() === '') continue;
        const count = /^\d{1,4}$/.test(text.trim()) ? Number(text.trim()) : Number.NaN;
        if (!(count >= 1 && count <= 1000)) found.participants = 'bad-count';
        participants.push({ organisationId, count });
      }
    }
    const links = draft.links.filter((l) => l.url.trim() !== '' || l.label.trim() !== '');
    if (links.some((l) => !HTTPS.test(l.url.trim()))) found.links = 'not-https';
    if (draft.title.trim() === '') found.title = 'required';
    if (!/^\d{4}-\d{2}-\d{2}$/.test(draft.date.trim())) found.date = 'invalid-date';
    else if (held && draft.date.trim() > plan.today) found.date = 'held-in-future';
    if (Object.keys(found).length > 0) {
      setErrors(found);
      setFailure(s.fixErrors);
      return null;
    }
    return {
      kind: draft.kind,
      status: draft.status,
      date: draft.date.trim(),
      title: draft.title,
      description: draft.description,
      organiserOrganisationId: draft.organiserOrganisationId || null,
      organiser: draft.organiser,
      participants,
      links,
      learned: draft.learned,
      actionIds: draft.actionIds,
    };
  };

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if (savingRef.current) return;
    setFailure(null);
    const payload = body();
    if (!payload) return;
    savingRef.current = true;
    setSaving(true);
    try {
      const saved = activity ? await api.update(activity.id, activity.revision, payload) : await api.create(payload);
      onSaved(saved.activity);
    } catch (caught) {
      const error = asApiError(caught);
      // A 422 names what to correct in Swedish; other failures get the general words.
      setFailure(error.kind === 'conflict' ? s.conflict : error.status === 422 ? error.message : `${s.failed} ${error.message}`);
    } finally {
      savingRef.current = false;
      setSaving(false);
    }
  };

  const errorAt = (field: keyof Errors): string | undefined => (errors[field] ? s.errors[errors[field]] : undefined);
  const organisations = plan.choices.organisations;
  return (
    <Dialog open onOpenChange={(_, data) => !data.open && !saving && onClose()}>
      <DialogSurface className={styles.surface}>
        <form className={styles.form} onSubmit={(event) => void submit(event)} noValidate>
          <DialogBody>
            <DialogTitle>{activity ? s.editTitle(activity.title) : s.newTitle}</DialogTitle>
            <DialogContent className={styles.form}>
              <div className={styles.grid}>
                <Field className={styles.wide} label={s.fields.title} validationMessage={errorAt('title')} required>
                  <Input className={styles.control} maxLength={200} value={draft.title} onChange={(_, d) => set('title', d.value)} />
                </Field>
                <Field label={s.fields.kind} validationMessage={errorAt('kind')}>
                  <Select className={styles.control} value={draft.kind} onChange={(_, d) => set('kind', d.value as Draft['kind'])}>
                    {KINDS.map((k) => (
                      <option key={k} value={k}>
                        {s.kinds[k]}
                      </option>
                    ))}
                  </Select>
                </Field>
                <Field label={s.fields.status} validationMessage={errorAt('status')}>
                  <Select className={styles.control} value={draft.status} onChange={(_, d) => set('status', d.value as Draft['status'])}>
                    {STATUSES.map((st) => (
                      <option key={st} value={st}>
                        {s.statuses[st]}
                      </option>
                    ))}
                  </Select>
                </Field>
                {/* Text, not the browser's date picker: that follows the browser's language. */}
                <Field label={s.fields.date} hint={s.fields.dateHint} validationMessage={errorAt('date')} required>
                  <Input
                    className={styles.control}
                    inputMode="numeric"
                    maxLength={10}
                    value={draft.date}
                    onChange={(_, d) => set('date', d.value)}
                  />
                </Field>
                <Field className={styles.wide} label={s.fields.description} validationMessage={errorAt('description')}>
                  <Textarea maxLength={2000} value={draft.description} onChange={(_, d) => set('description', d.value)} />
                </Field>
                <Field label={s.fields.organiserOrganisation} validationMessage={errorAt('organiser')}>
                  <Select
                    className={styles.control}
                    value={draft.organiserOrganisationId}
                    onChange={(_, d) => set('organiserOrganisationId', d.value)}
                  >
                    <option value="">{s.fields.noOrganisation}</option>
                    {organisations.map((o) => (
                      <option key={o.id} value={o.id}>
                        {o.name}
                      </option>
                    ))}
                  </Select>
                </Field>
                <Field label={s.fields.organiser} hint={s.fields.organiserHint}>
                  <Input
                    className={styles.control}
                    maxLength={200}
                    value={draft.organiser}
                    onChange={(_, d) => set('organiser', d.value)}
                  />
                </Field>
              </div>

              {held && (
                <fieldset className={styles.fieldset}>
                  <legend className={styles.legend}>{s.fields.participants}</legend>
                  <p className={styles.hint}>{s.fields.participantsHint}</p>
                  <div className={styles.counts}>
                    {organisations.map((o) => (
                      <Field key={o.id} label={o.name}>
                        <Input
                          className={styles.control}
                          aria-label={s.fields.count(o.name)}
                          inputMode="numeric"
                          maxLength={4}
                          value={draft.counts[o.id] ?? ''}
                          onChange={(_, d) => set('counts', { ...draft.counts, [o.id]: d.value })}
                        />
                      </Field>
                    ))}
                  </div>
                  {errors.participants && (
                    <p className={styles.error} role="alert">
                      {s.errors[errors.participants]}
                    </p>
                  )}
                </fieldset>
              )}

              <fieldset className={styles.fieldset}>
                <legend className={styles.legend}>{s.fields.links}</legend>
                {linkRows.map((row, i) => (
                  <div key={i} className={styles.grid}>
                    <Field label={s.fields.linkUrl(i + 1)}>
                      <Input
                        className={styles.control}
                        type="url"
                        maxLength={500}
                        value={row.url}
                        onChange={(_, d) => setLink(i, 'url', d.value)}
                      />
                    </Field>
                    <Field label={s.fields.linkLabel(i + 1)}>
                      <Input
                        className={styles.control}
                        maxLength={100}
                        value={row.label}
                        onChange={(_, d) => setLink(i, 'label', d.value)}
                      />
                    </Field>
                  </div>
                ))}
                {errors.links && (
                  <p className={styles.error} role="alert">
                    {s.errors[errors.links]}
                  </p>
                )}
              </fieldset>

              <Field label={s.fields.learned} validationMessage={errorAt('learned')}>
                <Textarea rows={4} maxLength={5000} value={draft.learned} onChange={(_, d) => set('learned', d.value)} />
              </Field>

              {plan.choices.actions.length > 0 && (
                <fieldset className={styles.fieldset}>
                  <legend className={styles.legend}>{s.fields.actions}</legend>
                  <p className={styles.hint}>{s.fields.actionsHint}</p>
                  <div className={styles.actionList}>
                    {plan.choices.actions.map((a) => (
                      <Checkbox
                        key={a.id}
                        label={`${a.title} (${a.meetingTitle}, ${a.meetingDate})`}
                        checked={draft.actionIds.includes(a.id)}
                        onChange={(_, d) =>
                          set('actionIds', d.checked ? [...draft.actionIds, a.id] : draft.actionIds.filter((x) => x !== a.id))
                        }
                      />
                    ))}
                  </div>
                  {errors.actionIds && (
                    <p className={styles.error} role="alert">
                      {s.errors[errors.actionIds]}
                    </p>
                  )}
                </fieldset>
              )}

              {failure && (
                <MessageBar intent="error" layout="multiline" role="alert">
                  <MessageBarBody>{failure}</MessageBarBody>
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
