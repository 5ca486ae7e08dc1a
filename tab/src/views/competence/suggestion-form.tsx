/**
 * Any member suggests an activity from the tab (the same as "tipsa om kompetens" in the chat):
 * kind, title, a few words and a link. The form's one-time key makes a double click store once.
 */
import { Button, Field, Input, MessageBar, MessageBarBody, Select, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { cardSurface } from '../../shared-styles';
import { useId, useRef, useState, type FormEvent } from 'react';
import { asApiError } from '../../api';
import { KINDS, type CompetenceApi, type CompetenceKind } from './competence-api';
import { useCompetenceStrings } from './competence-strings';

const useStyles = makeStyles({
  form: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalL,
    ...cardSurface,
    minWidth: 0,
    '@media (max-width: 480px)': { padding: tokens.spacingHorizontalM },
  },
  h4: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  grid: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(min(100%, 220px), 1fr))',
    gap: tokens.spacingHorizontalM,
  },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

const HTTPS = /^https:\/\/[^\s/?#@\\]+(?:[/?#]\S*)?$/i;
const newKey = (): string => globalThis.crypto.randomUUID();

export function SuggestionForm({ api, onSuggested }: { api: CompetenceApi; onSuggested: () => void }) {
  const styles = useStyles();
  const s = useCompetenceStrings();
  const headingId = useId();
  const [kind, setKind] = useState<CompetenceKind>('lecture');
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [link, setLink] = useState('');
  const [errors, setErrors] = useState<{ title?: string; link?: string }>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const key = useRef(newKey());

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if (sending) return;
    const found: { title?: string; link?: string } = {};
    if (title.trim() === '') found.title = s.errors.required;
    if (link.trim() !== '' && !HTTPS.test(link.trim())) found.link = s.errors['not-https'];
    setErrors(found);
    setFailure(null);
    if (Object.keys(found).length > 0) return;
    setSending(true);
    try {
      await api.suggest({ submissionKey: key.current, kind, title, description, link: link.trim() });
      key.current = newKey();
      setTitle('');
      setDescription('');
      setLink('');
      onSuggested();
    } catch (caught) {
      setFailure(asApiError(caught).message);
    } finally {
      setSending(false);
    }
  };

  return (
    <form className={styles.form} aria-labelledby={headingId} onSubmit={(event) => void submit(event)} noValidate>
      <h4 id={headingId} className={styles.h4}>
        {s.suggestHeading}
      </h4>
      <div className={styles.grid}>
        <Field label={s.fields.kind}>
          <Select value={kind} onChange={(_, d) => setKind(d.value as CompetenceKind)}>
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {s.kinds[k]}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={s.fields.title} validationMessage={errors.title} required>
          <Input maxLength={200} value={title} onChange={(_, d) => setTitle(d.value)} />
        </Field>
        <Field label={s.fields.link} validationMessage={errors.link}>
          <Input type="url" maxLength={500} value={link} onChange={(_, d) => setLink(d.value)} />
        </Field>
      </div>
      <Field label={s.fields.description}>
        <Textarea maxLength={2000} value={description} onChange={(_, d) => setDescription(d.value)} />
      </Field>
      {failure && (
        <MessageBar intent="error" layout="multiline" role="alert">
          <MessageBarBody>{failure}</MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.actions}>
        <Button appearance="primary" type="submit" disabledFocusable={sending}>
          {sending ? s.suggesting : s.suggest}
        </Button>
      </div>
    </form>
  );
}
