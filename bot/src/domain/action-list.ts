/**
 * The group's *åtgärdslista* across meetings: which actions a filter keeps, which are overdue
 * (the due date has passed in Stockholm and the action is not done), the order they are listed
 * in (overdue first, then by due date) and who may change what (strategists everything, an
 * action's owner only its status).
 */
import type { Role } from './membership';
import type { ActionItem, ActionStatus } from './minutes';
import { toStockholm } from './stockholm-time';

/** A status to filter on, or every action not yet done. */
export type ActionStatusFilter = ActionStatus | 'not_done';

export const ACTION_STATUS_FILTERS: readonly ActionStatusFilter[] = ['open', 'in_progress', 'blocked', 'done', 'not_done'];

export interface ActionFilter {
  status?: ActionStatusFilter;
  ownerPersonId?: string;
  organisationId?: string;
  meetingId?: string;
  overdueOnly?: boolean;
}

/** The fields of an action the tab changes. */
export type ActionField = 'status' | 'dueDate' | 'owner';

export const ACTION_FIELDS: readonly ActionField[] = ['status', 'dueDate', 'owner'];

type Listed = Pick<ActionItem, 'title' | 'dueDate' | 'status' | 'ownerPersonId' | 'organisationId' | 'meetingId'>;

/** The calendar day in Stockholm, "YYYY-MM-DD": what "today" means for a due date. */
export function stockholmDay(at: Date): string {
  const d = toStockholm(at);
  return `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
}

/** Due before today and not done. An action due today is not overdue until tomorrow. */
export function isOverdue(action: Pick<ActionItem, 'dueDate' | 'status'>, today: string): boolean {
  return action.dueDate !== null && action.dueDate < today && action.status !== 'done';
}

export function matchesFilter(action: Listed, filter: ActionFilter, today: string): boolean {
  if (filter.status === 'not_done' ? action.status === 'done' : filter.status !== undefined && action.status !== filter.status)
    return false;
  if (filter.ownerPersonId !== undefined && action.ownerPersonId !== filter.ownerPersonId) return false;
  if (filter.organisationId !== undefined && action.organisationId !== filter.organisationId) return false;
  if (filter.meetingId !== undefined && action.meetingId !== filter.meetingId) return false;
  if (filter.overdueOnly === true && !isOverdue(action, today)) return false;
  return true;
}

/** Overdue first; then the soonest due, those without a date last; then by title. */
export function compareForList(a: Listed, b: Listed, today: string): number {
  const overdue = Number(isOverdue(b, today)) - Number(isOverdue(a, today));
  if (overdue !== 0) return overdue;
  return (a.dueDate ?? '9999-99-99').localeCompare(b.dueDate ?? '9999-99-99') || a.title.localeCompare(b.title, 'sv');
}

/** The group's actions the filter keeps, in list order. */
export function listActions<T extends Listed>(actions: readonly T[], filter: ActionFilter, today: string): T[] {
  return actions.filter((a) => matchesFilter(a, filter, today)).sort((a, b) => compareForList(a, b, today));
}

/** What the caller may change on an action: strategists everything, its owner the status. */
export function changeableFields(role: Role, isOwner: boolean): ActionField[] {
  if (role === 'strategist') return [...ACTION_FIELDS];
  return isOwner ? ['status'] : [];
}

/** The first field asked for that the caller may not change, or null when they may change all. */
export function refusedField(role: Role, isOwner: boolean, asked: readonly ActionField[]): ActionField | null {
  const allowed = changeableFields(role, isOwner);
  return asked.find((field) => !allowed.includes(field)) ?? null;
}

/** A real calendar day "YYYY-MM-DD" in the years a plan may cover. */
export function isDueDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year < 2000 || year > 2100) return false;
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}
