/**
 * An action owner's answer to the status request before a meeting: *Klar*, *Pågår* or *Hinder*
 * with a comment. It sets the action's status and stands in that meeting's follow-up section.
 */
import type { ActionStatus } from './minutes';

export type ReportedStatus = Exclude<ActionStatus, 'open'>;

export const REPORTED_STATUSES: readonly ReportedStatus[] = ['done', 'in_progress', 'blocked'];

export const STATUS_COMMENT_MAX = 1000;

export interface ActionStatusAnswer {
  tenantId: string;
  actionId: string;
  /** The meeting whose follow-up the answer is for. */
  forMeetingId: string;
  personId: string;
  status: ReportedStatus;
  comment: string;
  answeredAt: Date;
}
