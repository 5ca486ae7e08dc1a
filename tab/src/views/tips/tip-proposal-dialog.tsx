/**
 * *Gör till förslag*: a small form prefilled from the tip (title from the comment, the comment,
 * link and message as the description, 15 minutes). The service stores the proposal and marks the
 * tip in one go; a tip someone else handled first is said so.
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
  Text,
  Textarea,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useRef, useState, type FormEvent } from 'react';
import { asApiError, type ApiClient } from '../../api';
import { useI18n } from '../../i18n';
import { makeProposal, newSubmissionKey, TIP_LIMITS, type GroupTip } from './tips-api';
import { useTipsStrings } from './tips-strings';

const useStyles = makeStyles({
  surface: { maxWidth: 'min(560px, calc(100vw - 16px))', padding: tokens.spacingHorizontalL },
  form: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
});

/** The proposal's starting text, as the service's proposalTextFromTip words it. */
function prefill(tip: GroupTip): { title: string; description: string } {
  const first = (tip.comment || tip.quote || tip.url || '').split('\n')[0]?.trim() ?? '';
  const title = [...first].length <= 80 ? first : `${[...first].slice(0, 79).join('')}…`;
  const description = [tip.comment, tip.url ?? '', tip.quote ? `”${tip.quote}”` : ''].filter((p) => p !== '').join('\n\n');
  return { title, description: [...description].slice(0, TIP_LIMITS.descriptionMax).join('') };
}

type Field = 'title' | 'description' | 'minutes';

export function TipProposalDialog({
  api,
  groupId,
  tip,
  onClose,
  onDone,
}: {
  api: ApiClient;
  groupId: string;
  tip: GroupTip;
  onClose: () => void;
  /** `title` of the proposal made, or null when someone else handled the tip first. */
  onDone: (title: string | null) => void;
}) {
  const styles = useStyles();
  const s = useTipsStrings();
  const { t } = useI18n();
  const [draft, setDraft] = useState(() => ({ ...prefill(tip), minutes: '15' }));
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const savingRef = useRef(false);
  const key = useRef(newSubmissionKey());

  const set = (field: Field) => (value: string) => {
    setErrors((previous) => ({ ...previous, [field]: undefined }));
    setDraft((previous) => ({ ...previous, [field]: value }));
  };

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if (savingRef.current) return;
    const minutes = /^\d{1,2}$/.test(draft.minutes.trim()) ? Number(draft.minutes.trim()) : NaN;
    const found: Partial<Record<Field, string>> = {};
    if (draft.title.trim() === '') found.title = s.errors.required;
    else if ([...draft.title.trim()].length > TIP_LIMITS.titleMax) found.title = s.errors.tooLong(TIP_LIMITS.titleMax);
    if ([...draft.description].length > TIP_LIMITS.descriptionMax) found.description = s.errors.tooLong(TIP_LIMITS.descriptionMax);
    if (!(minutes >= 5 && minutes <= 60)) found.minutes = s.errors.minutes;
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    savingRef.current = true;
    setSaving(true);
    setFailure(null);
    try {
      const { proposal } = await makeProposal(api, groupId, tip.id, {
        submissionKey: key.current,
        title: draft.title,
        description: draft.description,
        minutesNeeded: minutes,
      });
      onDone(proposal.title);
    } catch (caught) {
      const error = asApiError(caught);
      if (error.kind === 'conflict') onDone(null);
      else setFailure(`${s.proposalFailed} ${t.errors[error.kind].title}. ${t.errors[error.kind].action}`);
    } finally {
      savingRef.current = false;
      setSaving(false);
    }
  };

  return (
    <Dialog open onOpenChange={(_, data) => !data.open && !saving && onClose()}>
      <DialogSurface className={styles.surface}>
        <form className={styles.form} onSubmit={(event) => void submit(event)} noValidate>
          <DialogBody>
            <DialogTitle>{s.proposalTitle}</DialogTitle>
            <DialogContent className={styles.form}>
              <Text>{s.proposalIntro}</Text>
              <Field label={s.proposalFields.title} validationMessage={errors.title} required>
                <Input maxLength={TIP_LIMITS.titleMax} value={draft.title} onChange={(_, d) => set('title')(d.value)} />
              </Field>
              <Field label={s.proposalFields.description} validationMessage={errors.description}>
                <Textarea
                  resize="vertical"
                  rows={5}
                  maxLength={TIP_LIMITS.descriptionMax}
                  value={draft.description}
                  onChange={(_, d) => set('description')(d.value)}
                />
              </Field>
              <Field label={s.proposalFields.minutes} validationMessage={errors.minutes} required>
                <Input inputMode="numeric" maxLength={2} value={draft.minutes} onChange={(_, d) => set('minutes')(d.value)} />
              </Field>
              {failure && (
                <MessageBar intent="error" layout="multiline" role="alert">
                  <MessageBarBody>{failure}</MessageBarBody>
                </MessageBar>
              )}
            </DialogContent>
            <DialogActions>
              <Button appearance="primary" type="submit" disabled={saving} icon={saving ? <Spinner size="tiny" /> : undefined}>
                {s.submitProposal}
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
