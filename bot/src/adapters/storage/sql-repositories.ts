import type { Repositories } from '../../app/ports/repositories';
import { SqlActionItemRepository } from './sql-action-item-repository';
import { SqlActionLedgerRepository } from './sql-action-ledger-repository';
import { SqlAgendaItemRepository } from './sql-agenda-item-repository';
import { SqlAttendanceRepository } from './sql-attendance-repository';
import { SqlAuditLog } from './sql-audit-log';
import { SqlCallResponseRepository } from './sql-call-response-repository';
import { SqlConversationRepository } from './sql-conversation-repository';
import type { SqlDatabase } from './sql-database';
import { SqlDeliveryRepository } from './sql-delivery-repository';
import { SqlGoalRepository } from './sql-goal-repository';
import { SqlGoalTagRepository } from './sql-goal-tag-repository';
import { SqlGroupRepository } from './sql-group-repository';
import { SqlMeetingRepository } from './sql-meeting-repository';
import { SqlMembershipRepository } from './sql-membership-repository';
import { SqlMinutesRepository } from './sql-minutes-repository';
import { SqlMinutesReviewRepository } from './sql-minutes-review-repository';
import { SqlOrganisationRepository } from './sql-organisation-repository';
import { SqlPersonRepository } from './sql-person-repository';
import { SqlPresenceRepository } from './sql-presence-repository';
import { SqlProposalRepository } from './sql-proposal-repository';
import { SqlMeetingCalendarRepository } from './sql-meeting-calendar-repository';
import { SqlPublicationRepository } from './sql-publication-repository';
import { SqlReReportRepository } from './sql-re-report-repository';
import { SqlReportSourceRepository } from './sql-report-source-repository';
import { SqlPersonalDataStore } from './sql-personal-data';
import { SqlCompetenceRepository } from './sql-competence-repository';
import { SqlTenantRepository } from './sql-tenant-repository';
import { SqlTipRepository } from './sql-tip-repository';
import { SqlSubGroupRepository } from './sql-sub-group-repository';
import { SqlSearchIndex } from './sql-search';
import { SqlActionStatusRepository, SqlTimedPlanRepository, SqlTimedRunRepository } from './sql-timed-work-repository';

/** Every repository on `db`: the database itself, or a transaction (then all of them share it). */
export function createSqlRepositories(db: SqlDatabase): Repositories {
  return {
    tenants: new SqlTenantRepository(db),
    groups: new SqlGroupRepository(db),
    organisations: new SqlOrganisationRepository(db),
    people: new SqlPersonRepository(db),
    memberships: new SqlMembershipRepository(db),
    meetings: new SqlMeetingRepository(db),
    goals: new SqlGoalRepository(db),
    goalTags: new SqlGoalTagRepository(db),
    proposals: new SqlProposalRepository(db),
    deliveries: new SqlDeliveryRepository(db),
    callResponses: new SqlCallResponseRepository(db),
    attendance: new SqlAttendanceRepository(db),
    agendaItems: new SqlAgendaItemRepository(db),
    minutes: new SqlMinutesRepository(db),
    minutesReview: new SqlMinutesReviewRepository(db),
    actionItems: new SqlActionItemRepository(db),
    presence: new SqlPresenceRepository(db),
    conversations: new SqlConversationRepository(db),
    audit: new SqlAuditLog(db),
    publications: new SqlPublicationRepository(db),
    meetingCalendar: new SqlMeetingCalendarRepository(db),
    reReports: new SqlReReportRepository(db),
    timedPlans: new SqlTimedPlanRepository(db),
    timedRuns: new SqlTimedRunRepository(db),
    actionStatus: new SqlActionStatusRepository(db),
    actionLedger: new SqlActionLedgerRepository(db),
    personalData: new SqlPersonalDataStore(db),
    reportSources: new SqlReportSourceRepository(db),
    competence: new SqlCompetenceRepository(db),
    tips: new SqlTipRepository(db),
    subGroups: new SqlSubGroupRepository(db),
    search: new SqlSearchIndex(db),
  };
}
