/**
 * What to tell the strategist when the API refuses a change: at which field (the service names
 * it first in the message, "onlineUrl: …") and in their language, with what to do.
 */
import type { ApiError } from '../../api';
import type { Catalogue } from '../../i18n';
import type { PlanStrings } from './plan-strings';

export type PlanField = keyof PlanStrings['fieldErrors'];

export interface Explained {
  field: PlanField | null;
  text: string;
}

const FIELD = /^([A-Za-z]+)[.:]/;

export function explainError(error: ApiError, s: PlanStrings, t: Catalogue): Explained {
  const named = FIELD.exec(error.message)?.[1];
  const field = named && named in s.fieldErrors ? (named as PlanField) : null;
  if (error.code === 'conflict' && field === 'year') return { field: null, text: s.yearTaken };
  if (error.code === 'conflict') return { field: null, text: s.meetingClosed };
  if (error.status === 403) return { field: null, text: s.forbidden };
  if (error.code === 'year-plan.invalid-time') return { field: 'startTime', text: s.fieldErrors.startTime };
  if (error.code === 'year-plan.invalid-count') return { field: 'count', text: s.fieldErrors.count };
  if (field) return { field, text: /passed/.test(error.message) ? s.pastTime : s.fieldErrors[field] };
  const text = t.errors[error.kind];
  return { field: null, text: `${text.title}. ${text.action}` };
}
