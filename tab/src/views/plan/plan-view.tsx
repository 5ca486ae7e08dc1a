/**
 * *Mötesplan*: the year's meetings with chair, place and status for every member; strategists
 * also plan a year from a pattern, change, cancel and re-chair a meeting, and read the incoming
 * chair's handover. Every change reloads the plan and the Översikt.
 */
import {
  Body1,
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Subtitle1,
  Subtitle2,
  makeStyles,
  mergeClasses,
  tokens,
} from '@fluentui/react-components';
import { CalendarAddRegular, DismissRegular } from '@fluentui/react-icons';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { asApiError } from '../../api';
import type { Meeting } from '../../api-types';
import { useI18n } from '../../i18n';
import { currentStockholmYear } from '../../i18n/format-dates';
import { useSharedStyles } from '../../shared-styles';
import { useResource } from '../../use-resource';
import { EmptyState, ErrorState, LoadingState } from '../status-views';
import type { ViewProps } from '../view-props';
import { YearNav } from '../year-nav';
import { YearPlanTable } from '../year-plan-table';
import { CancelMeetingDialog } from './cancel-meeting-dialog';
import { EditMeetingDialog } from './edit-meeting-dialog';
import { HandoverPanel } from './handover-panel';
import { MeetingActionsMenu, type MeetingAction } from './meeting-actions-menu';
import { explainError } from './plan-errors';
import { planApi, type MeetingChangeResult } from './plan-api';
import { usePlanStrings } from './plan-strings';
import { PlanYearDialog } from './plan-year-dialog';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXL },
  head: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'flex-start',
    justifyContent: 'space-between',
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalS,
  },
  intro: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXS, maxWidth: '70ch' },
  h2: { margin: 0 },
  description: { margin: 0, color: tokens.colorNeutralForeground2 },
  section: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS, minWidth: 0 },
  sectionHead: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    justifyContent: 'space-between',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXS,
  },
  h3: { margin: 0 },
  notice: { ':focus': { outlineStyle: 'none' } },
});

type Dialog = { kind: 'plan' } | { kind: 'edit'; meeting: Meeting } | { kind: 'cancel'; meeting: Meeting };
interface Notice {
  intent: 'success' | 'warning' | 'error';
  lines: string[];
}

export default function PlanView(props: ViewProps) {
  const styles = useStyles();
  const shared = useSharedStyles();
  const s = usePlanStrings();
  const { t } = useI18n();
  const titleId = useId();
  const yearId = useId();
  const handoverId = useId();
  const api = useMemo(() => planApi(props.api), [props.api]);
  const currentYear = currentStockholmYear();
  // Opens on the year the Översikt shows (the next meeting's); null lets the service choose.
  const [year, setYear] = useState<number | null>(props.overview?.group.id === props.group.id ? props.overview.year : null);
  const plan = useResource((signal) => api.getPlan(props.group.id, year, signal), [api, props.group.id, year]);
  const data = plan.data?.group.id === props.group.id ? plan.data : undefined;
  const shownYear = year ?? data?.year ?? currentYear;
  const planIsCurrent = data !== undefined && data.year === shownYear && !plan.loading;
  const canChange = data?.canChange === true;

  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [handoverFor, setHandoverFor] = useState<string | null>(null);
  // Raised by every change, so the handover shown reads the meeting again (a new chair, a new time).
  const [changes, setChanges] = useState(0);
  const [announcement, setAnnouncement] = useState('');
  const noticeRef = useRef<HTMLDivElement>(null);
  const chairBusy = useRef(false);

  useEffect(() => {
    if (notice) noticeRef.current?.focus();
  }, [notice]);
  useEffect(() => {
    if (planIsCurrent) setAnnouncement(data.meetings.length === 0 ? s.empty(data.year) : s.summary(data.year, data.meetings.length));
  }, [planIsCurrent, data, s]);

  const changed = (lines: string[], intent: Notice['intent'] = 'success'): void => {
    setDialog(null);
    setNotice({ intent, lines });
    setChanges((n) => n + 1);
    plan.reload();
    props.reloadOverview();
  };
  const afterChange = (title: string, result: MeetingChangeResult, what: 'saved' | 'cancelled'): void => {
    const lines = [what === 'saved' ? s.saved(title) : s.cancelled(result.meeting.title)];
    if (result.kallelseAlreadySent) lines.push(what === 'saved' ? s.kallelseSent : s.cancelCalled);
    if (result.proposalsToMove) lines.push(s.proposalsToMove(result.proposalsToMove));
    changed(lines, lines.length > 1 ? 'warning' : 'success');
  };

  const onAction = (meeting: Meeting, action: MeetingAction): void => {
    if (action.kind === 'edit' || action.kind === 'cancel') setDialog({ kind: action.kind, meeting });
    else if (action.kind === 'handover') {
      setHandoverFor(meeting.id);
      requestAnimationFrame(() => document.getElementById(handoverId)?.focus());
    } else {
      if (chairBusy.current) return;
      chairBusy.current = true;
      api
        .changeChair(meeting.id, action.personId)
        .then(
          (result) => changed([s.chairChanged(result.meeting.chair?.name ?? action.name, result.meeting.title)]),
          (error: unknown) => setNotice({ intent: 'error', lines: [s.changeFailed, explainError(asApiError(error), s, t).text] }),
        )
        .finally(() => (chairBusy.current = false));
    }
  };

  // The handover shown: the one asked for, else the next meeting's when it is in this year.
  const upcoming = data?.meetings.find((m) => m.id === data.nextMeetingId);
  const handoverMeetingId =
    canChange && planIsCurrent ? (data.meetings.some((m) => m.id === handoverFor) ? handoverFor : (upcoming?.id ?? null)) : null;

  return (
    <section aria-labelledby={titleId} className={mergeClasses(shared.page, styles.root)}>
      <div className={styles.head}>
        <div className={styles.intro}>
          <Subtitle1 as="h2" id={titleId} className={styles.h2}>
            {s.title}
          </Subtitle1>
          <Body1 as="p" className={styles.description}>
            {canChange ? s.introStrategist : s.introAll}
          </Body1>
        </div>
        {canChange && (
          <Button appearance="primary" icon={<CalendarAddRegular />} onClick={() => setDialog({ kind: 'plan' })}>
            {s.planYear}
          </Button>
        )}
      </div>

      {notice && (
        <MessageBar
          ref={noticeRef}
          tabIndex={-1}
          className={styles.notice}
          intent={notice.intent}
          layout="multiline"
          role={notice.intent === 'error' ? 'alert' : 'status'}
        >
          <MessageBarBody>
            {notice.lines.map((line) => (
              <div key={line}>{line}</div>
            ))}
          </MessageBarBody>
          <MessageBarActions
            containerAction={
              <Button appearance="transparent" icon={<DismissRegular />} aria-label={s.close} onClick={() => setNotice(null)} />
            }
          />
        </MessageBar>
      )}

      <section className={styles.section} aria-labelledby={yearId} aria-busy={plan.loading}>
        <div className={styles.sectionHead}>
          <Subtitle2 as="h3" id={yearId} className={styles.h3}>
            {s.yearHeading(shownYear)}
          </Subtitle2>
          <YearNav year={shownYear} currentYear={currentYear} onChange={(next) => setYear(next)} />
        </div>
        {plan.error ? (
          <ErrorState error={plan.error} onRetry={plan.reload} />
        ) : !planIsCurrent ? (
          <LoadingState label={s.loading(shownYear)} />
        ) : data.meetings.length === 0 ? (
          <EmptyState>{canChange ? s.emptyStrategist(shownYear) : s.empty(shownYear)}</EmptyState>
        ) : (
          <YearPlanTable
            meetings={data.meetings}
            nextMeetingId={data.nextMeetingId}
            labelledBy={yearId}
            actions={
              canChange
                ? {
                    label: s.actionsColumn,
                    render: (meeting) => <MeetingActionsMenu meeting={meeting} strategists={data.strategists} onAction={onAction} />,
                  }
                : undefined
            }
          />
        )}
      </section>

      {handoverMeetingId && (
        <HandoverPanel key={handoverMeetingId} api={api} meetingId={handoverMeetingId} headingId={handoverId} version={changes} />
      )}

      <div className={shared.visuallyHidden} role="status" aria-live="polite">
        {announcement}
      </div>

      {dialog?.kind === 'plan' && data && (
        <PlanYearDialog
          api={api}
          groupId={props.group.id}
          year={shownYear}
          defaults={data.defaults}
          onClose={() => setDialog(null)}
          onPlanned={(result) => {
            setYear(result.year);
            changed([s.created(result.meetings.length, result.year)]);
          }}
        />
      )}
      {dialog?.kind === 'edit' && (
        <EditMeetingDialog
          api={api}
          meeting={dialog.meeting}
          onClose={() => setDialog(null)}
          onSaved={(result) => afterChange(result.meeting.title, result, 'saved')}
        />
      )}
      {dialog?.kind === 'cancel' && (
        <CancelMeetingDialog
          api={api}
          meeting={dialog.meeting}
          onClose={() => setDialog(null)}
          onCancelled={(result) => afterChange(result.meeting.title, result, 'cancelled')}
        />
      )}
    </section>
  );
}
