/**
 * Whether a member comes to a meeting, as answered on the kallelse: *Kommer*, *Kommer inte*, or
 * *Ersättare kommer* with the substitute's name — the förvaltning is represented either way.
 */
export type Rsvp = 'yes' | 'no' | 'substitute';

export const RSVPS: readonly Rsvp[] = ['yes', 'no', 'substitute'];

export const SUBSTITUTE_NAME_MAX = 200;

export interface Attendance {
  tenantId: string;
  groupId: string;
  meetingId: string;
  personId: string;
  rsvp: Rsvp;
  /** Who comes instead, when rsvp is "substitute". */
  substituteName: string | null;
  updatedAt: Date;
}

export type RsvpCheck =
  | { ok: true; rsvp: Rsvp; substituteName: string | null }
  | { ok: false; error: 'unknown-answer' | 'substitute-name-required' | 'too-long' };

export function checkRsvp(answer: string, substituteName: string | null | undefined): RsvpCheck {
  if (!RSVPS.includes(answer as Rsvp)) return { ok: false, error: 'unknown-answer' };
  const name = substituteName?.replace(/\s+/g, ' ').trim() ?? '';
  if (answer !== 'substitute') return { ok: true, rsvp: answer as Rsvp, substituteName: null };
  if (name === '') return { ok: false, error: 'substitute-name-required' };
  if ([...name].length > SUBSTITUTE_NAME_MAX) return { ok: false, error: 'too-long' };
  return { ok: true, rsvp: 'substitute', substituteName: name };
}
