/** The Rapporter view's calls: a report's figures, and the report as a Word document in the library. */
import type { ApiClient } from '../../api';

export type ReportAudience = 'utskott' | 'sdl';
export type AttendanceMark = 'delegate' | 'substitute' | 'absent' | 'unknown';
export type GoalFramework = 'sdg' | 'miljomal' | 'local';

export interface ReportFigures {
  period: { from: string; to: string };
  meetings: { held: { id: string; title: string; startsAt: string }[]; cancelled: number; upcoming: number };
  attendance: { organisationId: string; cells: AttendanceMark[]; represented: number; bySubstitute: number; known: number }[];
  proposals: number;
  decisions: number;
  byOrganisation: { organisationId: string | null; proposals: number; decisions: number }[];
  byGoal: { goalId: string; proposals: number; decisions: number }[];
  actions: {
    asOf: string;
    opened: number;
    closed: number;
    overdue: number;
    byOrganisation: { organisationId: string | null; opened: number; closed: number; overdue: number }[];
  };
  competence: {
    activities: { id: string; date: string; title: string; kind: string; organisationIds: string[] }[];
    byOrganisation: { organisationId: string; activities: number }[];
  };
  reReporting: { meetings: number; confirmations: number; byOrganisation: { organisationId: string; meetingsReported: number }[] };
}

export interface Report {
  group: { id: string; name: string };
  committeeName: string;
  audience: ReportAudience;
  period: { from: string; to: string };
  generatedAt: string;
  organisations: { id: string; name: string; kind: 'forvaltning' | 'bolag' | 'other' }[];
  goals: { id: string; framework: GoalFramework; number: number; name: string }[];
  figures: ReportFigures;
}

export interface ReportQuery {
  from: string;
  to: string;
  audience: ReportAudience;
}

export interface ReportDocument {
  path: string;
  fileName: string;
  webUrl: string;
  mail: 'not-asked' | 'sent' | 'failed';
  recipients: number;
}

export function getReport(api: ApiClient, groupId: string, query: ReportQuery, signal?: AbortSignal): Promise<Report> {
  const params = new URLSearchParams({ from: query.from, to: query.to, audience: query.audience });
  return api.request(`/groups/${encodeURIComponent(groupId)}/report?${params.toString()}`, { signal });
}

export function createReportDocument(
  api: ApiClient,
  groupId: string,
  body: ReportQuery & { mail: { group: boolean; addresses: string[] } },
): Promise<ReportDocument> {
  return api.request(`/groups/${encodeURIComponent(groupId)}/reports`, { method: 'POST', body });
}
