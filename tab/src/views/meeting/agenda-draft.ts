/** The agenda builder's working copy: pure functions, so moving and checking are easy to test. */
import type { AgendaItemDraft, AgendaItemView, MeetingAgenda } from './meeting-api';

export interface DraftRow extends AgendaItemDraft {
  /** Stable React key, also for rows not saved yet. */
  key: string;
}

export function rowsFrom(agenda: MeetingAgenda): DraftRow[] {
  return agenda.items.map((item: AgendaItemView) => ({
    key: item.id,
    id: item.id,
    title: item.title,
    durationMinutes: item.durationMinutes,
    presenterPersonId: item.presenter?.id ?? null,
    proposalId: item.proposalId,
    standing: item.standing,
  }));
}

export function move<T>(rows: readonly T[], from: number, to: number): T[] {
  if (from === to || from < 0 || to < 0 || from >= rows.length || to >= rows.length) return [...rows];
  const next = [...rows];
  next.splice(to, 0, ...next.splice(from, 1));
  return next;
}

export function sameRows(a: readonly DraftRow[], b: readonly DraftRow[]): boolean {
  return (
    a.length === b.length &&
    a.every((row, i) => {
      const other = b[i];
      return (
        other !== undefined &&
        row.key === other.key &&
        row.title === other.title &&
        row.durationMinutes === other.durationMinutes &&
        row.presenterPersonId === other.presenterPersonId
      );
    })
  );
}

/** Start of each row, in ms, from the meeting's start. */
export function startTimes(startsAt: string, rows: readonly Pick<DraftRow, 'durationMinutes'>[]): number[] {
  let at = new Date(startsAt).getTime();
  return rows.map((row) => {
    const start = at;
    at += (Number.isFinite(row.durationMinutes) ? row.durationMinutes : 0) * 60_000;
    return start;
  });
}

export type RowProblem = { kind: 'title' | 'minutes'; index: number };

export function firstProblem(rows: readonly DraftRow[], limits: MeetingAgenda['limits']): RowProblem | null {
  for (const [index, row] of rows.entries()) {
    if (row.title.trim() === '' || row.title.trim().length > limits.titleMax) return { kind: 'title', index };
    if (!Number.isInteger(row.durationMinutes) || row.durationMinutes < limits.minutesMin || row.durationMinutes > limits.minutesMax)
      return { kind: 'minutes', index };
  }
  return null;
}

export function toDrafts(rows: readonly DraftRow[]): AgendaItemDraft[] {
  return rows.map(({ id, title, durationMinutes, presenterPersonId, proposalId, standing }) => ({
    id,
    title: title.trim(),
    durationMinutes,
    presenterPersonId,
    proposalId,
    standing,
  }));
}
