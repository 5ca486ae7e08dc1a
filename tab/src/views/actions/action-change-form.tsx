/**
 * The form in the action dialog to change an action's status (the owner and strategists), due
 * date and owner (strategists). Only what was changed is sent.
 */
import { Button, Field, Input, MessageBar, MessageBarBody, Select, Spinner } from '@fluentui/react-components';
import { useEffect, useState, type FormEvent } from 'react';
import { asApiError, type ApiClient } from '../../api';
import { useI18n } from '../../i18n';
import { useActionDialogStyles } from './action-dialog-styles';
import { ACTION_STATUSES, changeAction, type ActionChanges, type ActionDetail, type ActionStatus, type PersonRef } from './actions-api';
import { useActionsStrings } from './actions-strings';
import { personName } from './person-name';

const NO_OWNER = '(none)';

export function ChangeForm({
  api,
  groupId,
  detail,
  members,
  onSaved,
}: {
  api: ApiClient;
  groupId: string;
  detail: ActionDetail;
  members: PersonRef[];
  onSaved: (detail: ActionDetail) => void;
}) {
  const styles = useActionDialogStyles();
  const s = useActionsStrings();
  const { t } = useI18n();
  const { action } = detail;
  const initial = { status: action.status, dueDate: action.dueDate ?? '', owner: action.owner?.id ?? NO_OWNER };
  const [draft, setDraft] = useState(initial);
  const [error, setError] = useState<{ field: 'dueDate' | null; text: string } | null>(null);
  const [saving, setSaving] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  const may = (field: 'status' | 'dueDate' | 'owner') => action.changeable.includes(field);
  // The owner may be someone who left the group: they stay a choice until changed.
  const owners = action.owner && !members.some((m) => m.id === action.owner?.id) ? [action.owner, ...members] : members;

  useEffect(() => setDraft({ status: action.status, dueDate: action.dueDate ?? '', owner: action.owner?.id ?? NO_OWNER }), [action]);

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if (saving) return;
    const body: ActionChanges = {};
    if (draft.status !== initial.status) body.status = draft.status;
    if (draft.dueDate.trim() !== initial.dueDate) {
      const due = draft.dueDate.trim();
      if (due !== '' && !/^\d{4}-\d{2}-\d{2}$/.test(due)) {
        setError({ field: 'dueDate', text: s.dueInvalid });
        return;
      }
      body.dueDate = due === '' ? null : due;
    }
    if (draft.owner !== initial.owner) body.ownerPersonId = draft.owner === NO_OWNER ? null : draft.owner;
    if (Object.keys(body).length === 0) return;
    setSaving(true);
    setError(null);
    setAnnouncement('');
    try {
      onSaved(await changeAction(api, groupId, action.id, body));
      setAnnouncement(s.saved);
    } catch (caught) {
      const apiError = asApiError(caught);
      if (apiError.status === 403) setError({ field: null, text: s.forbidden });
      else if (/dueDate/.test(apiError.message)) setError({ field: 'dueDate', text: s.dueInvalid });
      else setError({ field: null, text: `${t.errors[apiError.kind].title}. ${t.errors[apiError.kind].action}` });
    } finally {
      setSaving(false);
    }
  };

  return (
    <form className={styles.form} onSubmit={(event) => void submit(event)} noValidate aria-label={s.edit}>
      <h3 className={styles.h3}>{s.edit}</h3>
      {!may('dueDate') && <p className={styles.value}>{s.editIntro}</p>}
      <div className={styles.grid}>
        <Field label={s.status}>
          <Select
            className={styles.select}
            value={draft.status}
            onChange={(_, d) => setDraft((p) => ({ ...p, status: d.value as ActionStatus }))}
          >
            {ACTION_STATUSES.map((status) => (
              <option key={status} value={status}>
                {s.statuses[status]}
              </option>
            ))}
          </Select>
        </Field>
        {may('dueDate') && (
          <Field label={s.dueDate} hint={s.dueHint} validationMessage={error?.field === 'dueDate' ? error.text : undefined}>
            <Input
              inputMode="numeric"
              maxLength={10}
              value={draft.dueDate}
              onChange={(_, d) => setDraft((p) => ({ ...p, dueDate: d.value }))}
            />
          </Field>
        )}
        {may('owner') && (
          <Field label={s.owner}>
            <Select className={styles.select} value={draft.owner} onChange={(_, d) => setDraft((p) => ({ ...p, owner: d.value }))}>
              <option value={NO_OWNER}>{s.noOwner}</option>
              {owners.map((person) => (
                <option key={person.id} value={person.id}>
                  {person.organisation ? `${personName(s, person)} (${person.organisation.name})` : personName(s, person)}
                </option>
              ))}
            </Select>
          </Field>
        )}
      </div>
      {error && error.field === null && (
        <MessageBar intent="error" layout="multiline" role="alert">
          <MessageBarBody>
            {s.changeFailed} {error.text}
          </MessageBarBody>
        </MessageBar>
      )}
      <div>
        <Button appearance="primary" type="submit" disabledFocusable={saving} icon={saving ? <Spinner size="tiny" /> : undefined}>
          {saving ? s.saving : s.save}
        </Button>
      </div>
      <p className={styles.value} role="status" aria-live="polite">
        {announcement}
      </p>
    </form>
  );
}
