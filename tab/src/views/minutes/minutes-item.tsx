/** One agenda item of the minutes: notes and decision, its actions, and reviewers' comments. */
import { Body1, Caption1, Field, Subtitle2, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { useId } from 'react';
import { LIMITS, type Minutes, type MinutesItem } from './minutes-api';
import type { EditableAction, EditableMinutes } from './minutes-draft';
import { useMinutesStrings } from './minutes-strings';
import { ActionEditor, ActionReadList } from './action-list';
import { ItemComments } from './item-comments';
import { useCardStyles } from './minutes-styles';

const useStyles = makeStyles({
  h3: { margin: 0, overflowWrap: 'anywhere' },
  h4: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  actions: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXS, minWidth: 0 },
  note: { color: tokens.colorPaletteMarigoldForeground2 },
  text: { margin: 0, whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' },
  label: { fontWeight: tokens.fontWeightSemibold },
  muted: { margin: 0, color: tokens.colorNeutralForeground3 },
});

export function MinutesItemSection({
  item,
  minutes,
  editable,
  onText,
  onActions,
  onComment,
}: {
  item: MinutesItem;
  minutes: Minutes;
  /** The writer's text; absent when the minutes are only read. */
  editable?: EditableMinutes | undefined;
  onText?: (agendaItemId: string, field: 'notes' | 'decision', value: string) => void;
  onActions?: (change: (actions: EditableAction[]) => EditableAction[]) => void;
  onComment: (agendaItemId: string, text: string) => Promise<boolean>;
}) {
  const styles = useStyles();
  const card = useCardStyles();
  const s = useMinutesStrings();
  const headingId = useId();
  const actionsId = useId();
  const text = editable?.items[item.agendaItemId] ?? { notes: item.notes, decision: item.decision };
  const editing = editable !== undefined && onText !== undefined && onActions !== undefined;
  const hasActions = editing ? editable.actions.some((a) => a.agendaItemId === item.agendaItemId) : item.actions.length > 0;

  return (
    <section className={card.card} aria-labelledby={headingId}>
      <Subtitle2 as="h3" id={headingId} className={styles.h3}>
        {s.itemHeading(item.position, item.title)}
      </Subtitle2>
      {!item.onAgenda && <Caption1 className={styles.note}>{s.notOnAgenda}</Caption1>}
      {editing ? (
        <>
          <Field label={s.notes}>
            <Textarea
              value={text.notes}
              rows={4}
              resize="vertical"
              maxLength={LIMITS.notesMax}
              onChange={(_event, data) => onText(item.agendaItemId, 'notes', data.value)}
            />
          </Field>
          <Field label={s.decision}>
            <Textarea
              value={text.decision}
              rows={2}
              resize="vertical"
              maxLength={LIMITS.decisionMax}
              onChange={(_event, data) => onText(item.agendaItemId, 'decision', data.value)}
            />
          </Field>
        </>
      ) : (
        <>
          {text.notes ? (
            <Body1 as="p" className={styles.text}>
              {text.notes}
            </Body1>
          ) : (
            !text.decision &&
            !hasActions && (
              <Body1 as="p" className={styles.muted}>
                {s.noNotes}
              </Body1>
            )
          )}
          {text.decision && (
            <Body1 as="p" className={styles.text}>
              <span className={styles.label}>{`${s.decision}: `}</span>
              {text.decision}
            </Body1>
          )}
        </>
      )}
      {(editing || hasActions) && (
        <div className={styles.actions} role="group" aria-labelledby={actionsId}>
          <h4 id={actionsId} className={styles.h4}>
            {s.actions}
          </h4>
          {editing ? (
            <ActionEditor
              agendaItemId={item.agendaItemId}
              itemTitle={item.title}
              actions={editable.actions}
              members={minutes.members}
              onChange={onActions}
            />
          ) : (
            <ActionReadList actions={item.actions} />
          )}
        </div>
      )}
      <ItemComments
        itemTitle={item.title}
        comments={item.comments}
        canComment={minutes.permissions.comment}
        onSend={(comment) => onComment(item.agendaItemId, comment)}
      />
    </section>
  );
}
