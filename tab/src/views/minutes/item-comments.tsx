/** Comments on one agenda item: read by all, written by any member while the minutes are a draft. */
import { Button, Caption1, Field, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { useId, useState } from 'react';
import { useI18n } from '../../i18n';
import { LIMITS, type MinutesCommentView } from './minutes-api';
import { useMinutesStrings } from './minutes-strings';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXS, minWidth: 0 },
  list: { margin: 0, padding: 0, listStyleType: 'none', display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXS },
  comment: {
    paddingInlineStart: tokens.spacingHorizontalS,
    borderLeft: `${tokens.strokeWidthThick} solid ${tokens.colorNeutralStroke1}`,
    overflowWrap: 'anywhere',
  },
  text: { margin: 0, whiteSpace: 'pre-wrap' },
  muted: { color: tokens.colorNeutralForeground3 },
  form: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXS },
  buttons: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

export function ItemComments({
  itemTitle,
  comments,
  canComment,
  onSend,
}: {
  itemTitle: string;
  comments: readonly MinutesCommentView[];
  canComment: boolean;
  /** Resolves true when the comment is stored. */
  onSend: (text: string) => Promise<boolean>;
}) {
  const styles = useStyles();
  const s = useMinutesStrings();
  const { dates } = useI18n();
  const formId = useId();
  const [open, setOpen] = useState(false);
  const [text, setText] = useState('');
  const [sending, setSending] = useState(false);

  if (comments.length === 0 && !canComment) return null;
  const send = async () => {
    if (text.trim() === '') return;
    setSending(true);
    const stored = await onSend(text);
    setSending(false);
    if (stored) {
      setText('');
      setOpen(false);
    }
  };

  return (
    <div className={styles.root}>
      {comments.length > 0 && (
        <ul className={styles.list} aria-label={s.comments(comments.length)}>
          {comments.map((comment) => (
            <li key={comment.id} className={styles.comment}>
              <Caption1 className={styles.muted}>
                {s.commentBy(comment.author.name, dates.isoDate(comment.createdAt), dates.time(comment.createdAt))}
              </Caption1>
              <p className={styles.text}>{comment.text}</p>
            </li>
          ))}
        </ul>
      )}
      {canComment && (
        <div className={styles.buttons}>
          <Button
            size="small"
            appearance="subtle"
            aria-expanded={open}
            aria-controls={open ? formId : undefined}
            onClick={() => setOpen(!open)}
          >
            {s.comment}
          </Button>
        </div>
      )}
      {canComment && open && (
        <div id={formId} className={styles.form}>
          <Field label={s.commentLabel(itemTitle)}>
            <Textarea value={text} maxLength={LIMITS.commentMax} resize="vertical" onChange={(_event, data) => setText(data.value)} />
          </Field>
          <div className={styles.buttons}>
            <Button appearance="primary" size="small" disabledFocusable={sending || text.trim() === ''} onClick={() => void send()}>
              {sending ? s.sending : s.sendComment}
            </Button>
          </div>
        </div>
      )}
    </div>
  );
}
