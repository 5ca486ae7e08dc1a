/**
 * Every use case bound to its ports, once. The bot, the tab API and (later) the job runner take
 * what they need from this one object, so each door calls the very same code.
 */
import { answerNothingToPropose } from './answer-nothing-to-propose';
import { answerRsvp } from './answer-rsvp';
import { decideProposal } from './decide-proposal';
import { Pacer } from './fan-out';
import type { Actor } from './find-member';
import { getGroupOverview } from './get-group-overview';
import { getKallelse } from './get-kallelse';
import { getMeetingAgenda } from './get-meeting-agenda';
import { getMyStatus } from './get-my-status';
import { getProposal } from './get-proposal';
import { identifyPerson, type TeamsUserIdentity } from './identify-person';
import { listAttendance } from './list-attendance';
import { listGroupProposals } from './list-group-proposals';
import { listMembers } from './list-members';
import { listMyGroups } from './list-my-groups';
import { listMyActions } from './list-my-actions';
import { listMyProposals } from './list-my-proposals';
import { listNotReached } from './list-not-reached';
import { listSignInPeople } from './list-sign-in-people';
import { openProposalForm } from './open-proposal-form';
import type { Clock } from './ports/clock';
import type { IdGenerator } from './ports/id-generator';
import type { Logger } from './ports/logger';
import type { Mailer } from './ports/mailer';
import type { Messenger, Waiter } from './ports/messenger';
import type { Roster } from './ports/roster';
import type { Repositories, UnitOfWork } from './ports/repositories';
import { RecentChats, rememberPersonalChat } from './remember-conversation';
import { remindDayBefore } from './remind-day-before';
import { remindProposalDeadline } from './remind-proposal-deadline';
import { sendCallForProposals } from './send-call-for-proposals';
import { saveMeetingAgenda } from './save-meeting-agenda';
import { sendKallelse } from './send-kallelse';
import { submitProposal } from './submit-proposal';
import { welcomeTeamsUser } from './welcome-teams-user';
import { withdrawProposal } from './withdraw-proposal';
import { cancelMeeting } from './cancel-meeting';
import { changeMeetingChair } from './change-meeting-chair';
import { editMeeting } from './edit-meeting';
import { getChairHandover } from './get-chair-handover';
import { getMeetingPlan } from './get-meeting-plan';
import { planMeetings } from './plan-meetings';
import { approveMinutes } from './approve-minutes';
import { commentOnMinutes } from './comment-on-minutes';
import { getMinutes } from './get-minutes';
import { listMeetingMinutes } from './list-meeting-minutes';
import { publishMinutes } from './publish-minutes';
import { saveMinutesDraft } from './save-minutes-draft';
import { startMinutesCorrection } from './start-minutes-correction';
import type { DocumentRenderer, DocumentStore, GroupCalendar, MinutesMailer, WorkSignal } from './ports/publishing';
import { reportBack } from './report-back';
import { runDueCalendarSyncs } from './run-calendar-syncs';
import { runDuePublications } from './run-publications';
import type { JobScheduler } from './ports/job-scheduler';
import { runDueTimedPlans } from './plan-timed-work';
import { runTimedWork } from './run-timed-work';
import { listTimedWork } from './list-timed-work';
import { listAuditEvents } from './list-audit-events';
import { getRepresentation } from './get-representation';
import { nudgeRepresentation } from './nudge-representation';
import { retryTimedWork } from './retry-timed-work';
import { answerActionStatus } from './answer-action-status';
import { requestActionStatus } from './request-action-status';
import { remindActionDue } from './remind-action-due';
import { nudgeReReporting } from './nudge-re-reporting';
import { AppError } from './errors';
import { getActionFollowUp } from './get-action-follow-up';
import { listGroupActions } from './list-group-actions';
import { getActionHistory } from './get-action-history';
import { changeAction } from './change-action';
import { exportMyData } from './export-my-data';
import { eraseMember } from './erase-member';
import { getReport } from './get-report';
import { createReportDocument } from './create-report-document';
import type { ReportMailer, ReportRenderer } from './ports/report-publishing';
import { search } from './search';
import { getCompetencePlan } from './get-competence-plan';
import { getCompetenceSuggestion } from './get-competence-suggestion';
import { openCompetenceSuggestionForm } from './open-competence-suggestion-form';
import { planCompetenceSuggestion } from './plan-competence-suggestion';
import { saveCompetenceActivity } from './save-competence-activity';
import { suggestCompetenceActivity } from './suggest-competence-activity';
import { voteCompetenceSuggestion } from './vote-competence-suggestion';
import { getGoalOverview } from './get-goal-overview';
import { getGoalDetail } from './get-goal-detail';
import { chooseGoalTags } from './choose-goal-tags';
import { addLocalGoal } from './add-local-goal';
import { changeLocalGoal } from './change-local-goal';
import { addTip } from './add-tip';
import { listTips } from './list-tips';
import { dismissTip } from './dismiss-tip';
import { openTipForm } from './open-tip-form';
import { turnTipIntoProposal } from './turn-tip-into-proposal';
import { listSubGroups } from './list-sub-groups';
import { startSubGroup } from './start-sub-group';
import { changeSubGroup } from './change-sub-group';
import { remindSubGroupConvenor } from './remind-sub-group-convenor';

export interface UseCaseDeps {
  repositories: Repositories;
  /** For work that must be stored whole or not at all. */
  unitOfWork: UnitOfWork;
  clock: Clock;
  ids: IdGenerator;
  messenger: Messenger;
  waiter: Waiter;
  roster: Roster;
  logger: Logger;
  mailer?: Mailer;
  /** Graph's document library, mailbox and calendar; without them publications wait in their outbox. */
  publishing?: {
    documents: DocumentStore;
    renderer: DocumentRenderer;
    minutesMailer: MinutesMailer;
    calendar: GroupCalendar;
    /** How long a publishing run holds its publication between steps. */
    leaseMs?: number;
  };
  /** Wakes the background worker when work became due. */
  signal?: WorkSignal;
  /** Keeps the timed work (pg-boss); without it nothing is planned and reminders go out only by hand. */
  scheduler?: JobScheduler;
  /** How long a sender holds one person's message (LEASE_MS unless configured). */
  deliveryLeaseMs?: number;
  /** The reports' Word renderer and mailbox; without them (or without publishing's document store) no report document is made. */
  reports?: { renderer: ReportRenderer; mailer: ReportMailer };
}

export function createUseCases(deps: UseCaseDeps) {
  const { repositories } = deps;
  // One pacer per process: every fan-out shares Teams' per-tenant budget.
  const pacer = new Pacer();
  // One per process: a person's chat is not written again on every message (remember-conversation.ts).
  const recentChats = new RecentChats();
  return {
    welcome: (input: Parameters<typeof welcomeTeamsUser>[1]) => welcomeTeamsUser(deps, input),
    identify: async (who: TeamsUserIdentity): Promise<Actor | null> => {
      const person = await identifyPerson(repositories.people, who);
      return person ? { tenantId: person.tenantId, personId: person.id } : null;
    },
    rememberPersonalChat: (input: Parameters<typeof rememberPersonalChat>[1]) => rememberPersonalChat({ ...deps, recentChats }, input),
    listMyGroups: (actor: Actor) => listMyGroups(repositories, actor),
    getGroupOverview: (input: Parameters<typeof getGroupOverview>[1]) => getGroupOverview(deps, input),
    listSignInPeople: (tenantId: string) => listSignInPeople(repositories, tenantId),
    openProposalForm: (input: Parameters<typeof openProposalForm>[1]) => openProposalForm(deps, input),
    submitProposal: (input: Parameters<typeof submitProposal>[1]) => submitProposal(deps, input),
    withdrawProposal: (input: Parameters<typeof withdrawProposal>[1]) => withdrawProposal(deps, input),
    getProposal: (input: Parameters<typeof getProposal>[1]) => getProposal(deps, input),
    listMyProposals: (actor: Actor) => listMyProposals(deps, actor),
    listMyActions: (actor: Actor) => listMyActions(repositories, actor),
    decideProposal: (input: Parameters<typeof decideProposal>[2]) => decideProposal(deps, pacer, input),
    listGroupProposals: (input: Parameters<typeof listGroupProposals>[1]) => listGroupProposals(deps, input),
    listMembers: (input: Parameters<typeof listMembers>[1]) => listMembers(deps, input),
    sendCallForProposals: (input: Parameters<typeof sendCallForProposals>[2]) => sendCallForProposals(deps, pacer, input),
    sendKallelse: (input: Parameters<typeof sendKallelse>[2]) => sendKallelse(deps, pacer, input),
    remindProposalDeadline: (input: Parameters<typeof remindProposalDeadline>[2]) => remindProposalDeadline(deps, pacer, input),
    remindDayBefore: (input: Parameters<typeof remindDayBefore>[2]) => remindDayBefore(deps, pacer, input),
    answerRsvp: (input: Parameters<typeof answerRsvp>[1]) => answerRsvp(deps, input),
    getKallelse: (input: Parameters<typeof getKallelse>[1]) => getKallelse(deps, input),
    listAttendance: (input: Parameters<typeof listAttendance>[1]) => listAttendance(repositories, input),
    answerNothingToPropose: (input: Parameters<typeof answerNothingToPropose>[1]) => answerNothingToPropose(deps, input),
    reportBack: (input: Parameters<typeof reportBack>[1]) => reportBack(deps, input),
    /** The background worker's rounds; each answers how much it ran (0 without Graph configured). */
    runDuePublications: async () => (deps.publishing ? runDuePublications({ ...deps, ...deps.publishing, pacer }) : 0),
    runDueCalendarSyncs: async () => (deps.publishing ? runDueCalendarSyncs({ ...deps, ...deps.publishing }) : 0),
    runDueTimedPlans: async () => (deps.scheduler ? runDueTimedPlans({ ...deps, scheduler: deps.scheduler }) : 0),
    /** The scheduler's handler: one due run, on whichever instance took the job. */
    runTimedWork: (job: { tenantId: string; key: string }) => runTimedWork(deps, pacer, job),
    listTimedWork: (input: Parameters<typeof listTimedWork>[1]) => listTimedWork(deps, input),
    listAuditEvents: (input: Parameters<typeof listAuditEvents>[1]) => listAuditEvents(deps, input),
    getRepresentation: (input: Parameters<typeof getRepresentation>[1]) => getRepresentation(deps, input),
    nudgeRepresentation: (input: Parameters<typeof nudgeRepresentation>[2]) => nudgeRepresentation(deps, pacer, input),
    retryTimedWork: (input: Parameters<typeof retryTimedWork>[1]) => {
      if (!deps.scheduler) throw new AppError('conflict', 'No job scheduler runs in this process');
      return retryTimedWork({ ...deps, scheduler: deps.scheduler }, input);
    },
    getActionFollowUp: (input: Parameters<typeof getActionFollowUp>[1]) => getActionFollowUp(repositories, input),
    listGroupActions: (input: Parameters<typeof listGroupActions>[1]) => listGroupActions(deps, input),
    getActionHistory: (input: Parameters<typeof getActionHistory>[1]) => getActionHistory(deps, input),
    changeAction: (input: Parameters<typeof changeAction>[1]) => changeAction(deps, input),
    answerActionStatus: (input: Parameters<typeof answerActionStatus>[1]) => answerActionStatus(deps, input),
    requestActionStatus: (input: Parameters<typeof requestActionStatus>[2]) => requestActionStatus(deps, pacer, input),
    remindActionDue: (input: Parameters<typeof remindActionDue>[2]) => remindActionDue(deps, pacer, input),
    nudgeReReporting: (input: Parameters<typeof nudgeReReporting>[2]) => nudgeReReporting(deps, pacer, input),
    listNotReached: (input: Parameters<typeof listNotReached>[1]) => listNotReached(repositories, input),
    getMeetingAgenda: (input: Parameters<typeof getMeetingAgenda>[1]) => getMeetingAgenda(deps, input),
    getMyStatus: (input: Parameters<typeof getMyStatus>[1]) => getMyStatus(deps, input),
    saveMeetingAgenda: (input: Parameters<typeof saveMeetingAgenda>[2]) => saveMeetingAgenda(deps, pacer, input),
    getMeetingPlan: (input: Parameters<typeof getMeetingPlan>[1]) => getMeetingPlan(deps, input),
    planMeetings: (input: Parameters<typeof planMeetings>[1]) => planMeetings(deps, input),
    editMeeting: (input: Parameters<typeof editMeeting>[2]) => editMeeting(deps, pacer, input),
    cancelMeeting: (input: Parameters<typeof cancelMeeting>[2]) => cancelMeeting(deps, pacer, input),
    changeMeetingChair: (input: Parameters<typeof changeMeetingChair>[1]) => changeMeetingChair(deps, input),
    getChairHandover: (input: Parameters<typeof getChairHandover>[1]) => getChairHandover(deps, input),
    listMeetingMinutes: (input: Parameters<typeof listMeetingMinutes>[1]) => listMeetingMinutes(deps, input),
    getMinutes: (input: Parameters<typeof getMinutes>[1]) => getMinutes(deps, input),
    saveMinutesDraft: (input: Parameters<typeof saveMinutesDraft>[1]) => saveMinutesDraft(deps, input),
    approveMinutes: (input: Parameters<typeof approveMinutes>[1]) => approveMinutes(deps, input),
    commentOnMinutes: (input: Parameters<typeof commentOnMinutes>[1]) => commentOnMinutes(deps, input),
    publishMinutes: (input: Parameters<typeof publishMinutes>[1]) => publishMinutes(deps, input),
    startMinutesCorrection: (input: Parameters<typeof startMinutesCorrection>[1]) => startMinutesCorrection(deps, input),
    exportMyData: (actor: Actor) => exportMyData(deps, actor),
    eraseMember: (input: Parameters<typeof eraseMember>[1]) => eraseMember(deps, input),
    getReport: (input: Parameters<typeof getReport>[1]) => getReport(deps, input),
    createReportDocument: (input: Parameters<typeof createReportDocument>[1]) =>
      createReportDocument({ ...deps, documents: deps.publishing?.documents, reports: deps.reports }, input),
    search: (input: Parameters<typeof search>[1]) => search(deps, input),
    getCompetencePlan: (input: Parameters<typeof getCompetencePlan>[1]) => getCompetencePlan(deps, input),
    saveCompetenceActivity: (input: Parameters<typeof saveCompetenceActivity>[1]) => saveCompetenceActivity(deps, input),
    openCompetenceSuggestionForm: (input: Parameters<typeof openCompetenceSuggestionForm>[1]) => openCompetenceSuggestionForm(deps, input),
    suggestCompetenceActivity: (input: Parameters<typeof suggestCompetenceActivity>[1]) => suggestCompetenceActivity(deps, input),
    voteCompetenceSuggestion: (input: Parameters<typeof voteCompetenceSuggestion>[1]) => voteCompetenceSuggestion(deps, input),
    getCompetenceSuggestion: (input: Parameters<typeof getCompetenceSuggestion>[1]) => getCompetenceSuggestion(deps, input),
    planCompetenceSuggestion: (input: Parameters<typeof planCompetenceSuggestion>[1]) => planCompetenceSuggestion(deps, input),
    getGoalOverview: (input: Parameters<typeof getGoalOverview>[1]) => getGoalOverview(deps, input),
    getGoalDetail: (input: Parameters<typeof getGoalDetail>[1]) => getGoalDetail(deps, input),
    chooseGoalTags: (input: Parameters<typeof chooseGoalTags>[1]) => chooseGoalTags(deps, input),
    addLocalGoal: (input: Parameters<typeof addLocalGoal>[1]) => addLocalGoal(deps, input),
    changeLocalGoal: (input: Parameters<typeof changeLocalGoal>[1]) => changeLocalGoal(deps, input),
    openTipForm: (input: Parameters<typeof openTipForm>[1]) => openTipForm(deps, input),
    addTip: (input: Parameters<typeof addTip>[1]) => addTip(deps, input),
    listTips: (input: Parameters<typeof listTips>[1]) => listTips(deps, input),
    dismissTip: (input: Parameters<typeof dismissTip>[1]) => dismissTip(deps, input),
    turnTipIntoProposal: (input: Parameters<typeof turnTipIntoProposal>[1]) => turnTipIntoProposal(deps, input),
    listSubGroups: (input: Parameters<typeof listSubGroups>[1]) => listSubGroups(deps, input),
    startSubGroup: (input: Parameters<typeof startSubGroup>[1]) => startSubGroup(deps, input),
    changeSubGroup: (input: Parameters<typeof changeSubGroup>[1]) => changeSubGroup(deps, input),
    remindSubGroupConvenor: (input: Parameters<typeof remindSubGroupConvenor>[2]) => remindSubGroupConvenor(deps, pacer, input),
  };
}

export type UseCases = ReturnType<typeof createUseCases>;
