/**
 * One meeting's minutes: the writer's editor with autosave, or the text to read (a draft under
 * review, or published minutes — read-only, with "Rätta (ny version)" for the writers).
 */
import {
  Badge,
  Body1,
  Button,
  Caption1,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Subtitle2,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useCallback, useId, useState } from 'react';
import { ApiError } from '../../api';
import { useI18n } from '../../i18n';
import { AttendancePanel } from './attendance-panel';
import { ActionEditor, ActionReadList } from './action-list';
import type { Minutes, MinutesCalls } from './minutes-api';
import type { EditableAction, EditableMinutes } from './minutes-draft';
import { MinutesItemSection } from './minutes-item';
import { useMinutesStrings } from './minutes-strings';
import { PublishedNotice } from './published-notice';
import { ReviewPanel } from './review-panel';
import { useCardStyles } from './minutes-styles';
import { SaveStatus } from './save-status';
import { useMinutesAutosave, type Autosave } from './use-minutes-autosave';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXL, minWidth: 0 },
  header: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalXXS,
  },
  status: {
    position: 'sticky',
    bottom: 0,
    zIndex: 1,
    paddingBlock: tokens.spacingVerticalXS,
    backgroundColor: tokens.colorNeutralBackground3,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  headLine: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXXS,
  },
  meeting: { fontWeight: tokens.fontWeightSemibold, overflowWrap: 'anywhere' },
  muted: { margin: 0, color: tokens.colorNeutralForeground2 },
  items: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
  h3: { margin: 0 },
});

type Busy = 'approve' | 'publish' | 'correct' | null;

export function MinutesDocument({
  calls,
  loaded,
  onReload,
  onPublished,
}: {
  calls: MinutesCalls;
  /** The minutes as last loaded; a new object after a reload. */
  loaded: Minutes;
  onReload: () => void;
  /** The meeting's status changed: the shell's overview should know. */
  onPublished: () => void;
}) {
  const s = useMinutesStrings();
  const [minutes, setMinutes] = useState(loaded);
  // A reload gives a fresh editor: whatever the writer had is replaced by what is stored.
  const [seen, setSeen] = useState(loaded);
  const [epoch, setEpoch] = useState(0);
  const [busy, setBusy] = useState<Busy>(null);
  const [failure, setFailure] = useState<string | null>(null);
  if (loaded !== seen) {
    setSeen(loaded);
    setMinutes(loaded);
    setEpoch(epoch + 1);
    setFailure(null);
  }

  const run = useCallback(
    async (what: Exclude<Busy, null>, call: () => Promise<Minutes>): Promise<boolean> => {
      setBusy(what);
      setFailure(null);
      try {
        const next = await call();
        setMinutes(next);
        if (what === 'publish') onPublished();
        return true;
      } catch (error) {
        const conflict = error instanceof ApiError && error.status === 409;
        setFailure(conflict ? s.changedMeanwhile : s.actionFailed);
        return false;
      } finally {
        setBusy(null);
      }
    },
    [onPublished, s],
  );
  const meetingId = minutes.meeting.id;
  const actions: DocumentActions = {
    busy,
    failure,
    onReload,
    approve: () => void run('approve', () => calls.approve(meetingId, minutes.revision)),
    publish: () => void run('publish', () => calls.publish(meetingId, minutes.revision)),
    correct: () => void run('correct', () => calls.startCorrection(meetingId)),
    comment: async (agendaItemId, text) => {
      setFailure(null);
      try {
        setMinutes(await calls.comment(meetingId, agendaItemId, text));
        return true;
      } catch {
        setFailure(s.actionFailed);
        return false;
      }
    },
  };

  return minutes.permissions.edit ? (
    <MinutesEditor key={`${minutes.version}:${epoch}`} calls={calls} minutes={minutes} onSaved={setMinutes} actions={actions} />
  ) : (
    <MinutesPage minutes={minutes} actions={actions} />
  );
}

interface DocumentActions {
  busy: Busy;
  failure: string | null;
  onReload: () => void;
  approve: () => void;
  publish: () => void;
  correct: () => void;
  comment: (agendaItemId: string, text: string) => Promise<boolean>;
}

function MinutesEditor({
  calls,
  minutes,
  onSaved,
  actions,
}: {
  calls: MinutesCalls;
  minutes: Minutes;
  onSaved: (minutes: Minutes) => void;
  actions: DocumentActions;
}) {
  const autosave = useMinutesAutosave(calls, minutes, onSaved);
  return <MinutesPage minutes={minutes} actions={actions} autosave={autosave} />;
}

function MinutesPage({ minutes, actions, autosave }: { minutes: Minutes; actions: DocumentActions; autosave?: Autosave }) {
  const styles = useStyles();
  const card = useCardStyles();
  const s = useMinutesStrings();
  const { dates } = useI18n();
  const otherId = useId();
  const published = minutes.status === 'published';
  const editable: EditableMinutes | undefined = autosave?.editable;
  const { meeting } = minutes;
  const canWrite = minutes.permissions.edit || minutes.permissions.correct;

  const onText = (agendaItemId: string, field: 'notes' | 'decision', value: string) =>
    autosave?.update((e) => ({
      ...e,
      items: {
        ...e.items,
        [agendaItemId]: { notes: e.items[agendaItemId]?.notes ?? '', decision: e.items[agendaItemId]?.decision ?? '', [field]: value },
      },
    }));
  const onActions = (change: (all: EditableAction[]) => EditableAction[]) =>
    autosave?.update((e) => ({ ...e, actions: change(e.actions) }));
  const otherEditable = editable?.actions.filter(
    (a) => a.agendaItemId === null || !minutes.items.some((i) => i.agendaItemId === a.agendaItemId),
  );
  const showOther = editable ? (otherEditable?.length ?? 0) > 0 : minutes.otherActions.length > 0;

  return (
    <div className={styles.root}>
      <div className={styles.header}>
        <div className={styles.headLine}>
          <span
            className={styles.meeting}
          >{`${meeting.title} · ${dates.longDate(meeting.startsAt)} ${dates.timeSpan(meeting.startsAt, meeting.durationMinutes)}`}</span>
          <Badge appearance={published ? 'filled' : 'tint'} color={published ? 'success' : 'informative'}>
            {published ? s.publishedBadge(minutes.version) : s.draftBadge(minutes.version)}
          </Badge>
        </div>
        <Caption1 className={styles.muted}>{meeting.chair ? s.chair(meeting.chair.name) : s.noChair}</Caption1>
      </div>

      {actions.failure && (
        <MessageBar intent="error" layout="multiline" role="alert">
          <MessageBarBody>{actions.failure}</MessageBarBody>
          <MessageBarActions>
            <Button onClick={actions.onReload}>{s.refresh}</Button>
          </MessageBarActions>
        </MessageBar>
      )}

      {published && (
        <PublishedNotice
          minutes={minutes}
          busy={actions.busy !== null}
          correcting={actions.busy === 'correct'}
          onCorrect={actions.correct}
          onReload={actions.onReload}
        />
      )}

      {!published && !autosave && (
        <Body1 as="p" className={styles.muted}>
          {minutes.stored ? s.readOnlyDraft : `${s.readOnlyDraft} ${s.nothingYet}`}
        </Body1>
      )}

      <AttendancePanel
        minutes={minutes}
        editable={editable}
        onChange={
          autosave ? (personId, mark) => autosave.update((e) => ({ ...e, attendance: { ...e.attendance, [personId]: mark } })) : undefined
        }
      />

      <div className={styles.items}>
        {minutes.items.map((item) => (
          <MinutesItemSection
            key={item.agendaItemId}
            item={item}
            minutes={minutes}
            editable={editable}
            onText={autosave ? onText : undefined}
            onActions={autosave ? onActions : undefined}
            onComment={actions.comment}
          />
        ))}
      </div>

      {showOther && (
        <section className={card.card} aria-labelledby={otherId}>
          <Subtitle2 as="h3" id={otherId} className={styles.h3}>
            {s.otherActions}
          </Subtitle2>
          <Caption1 className={styles.muted}>{s.otherActionsNote}</Caption1>
          {editable ? (
            <ActionEditor
              agendaItemId={null}
              itemTitle={s.otherActions}
              actions={editable.actions}
              members={minutes.members}
              onChange={onActions}
            />
          ) : (
            <ActionReadList actions={minutes.otherActions} />
          )}
        </section>
      )}

      {!published && (
        <ReviewPanel
          minutes={minutes}
          canWrite={canWrite}
          dirty={autosave?.dirty ?? false}
          busy={actions.busy === 'approve' || actions.busy === 'publish' ? actions.busy : null}
          onApprove={actions.approve}
          onPublish={actions.publish}
          onRefresh={actions.onReload}
        />
      )}

      {autosave && (
        // At the end of the page but stuck to the bottom of the window: always in sight while writing.
        <div className={styles.status}>
          <SaveStatus
            state={autosave.state}
            onRetry={() => void autosave.saveNow()}
            onTakeCurrent={autosave.takeCurrent}
            onKeepMine={autosave.keepMine}
            onReload={actions.onReload}
          />
        </div>
      )}
    </div>
  );
}
