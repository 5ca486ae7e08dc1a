/**
 * Competence development (kompetensutveckling): the group's ledger of lectures, films, study
 * visits and external guests. With status *planned* the same ledger is the year's plan; *held*
 * activities carry who took part (counts per organisation, never names), links and what the group
 * learned, tied to the actions that came of it. Members suggest activities and vote for them; the
 * strategists turn a suggestion into a planned activity. docs/decisions/0016-competence.md says why.
 */
import { isHttpsUrl } from './meeting-plan';
import { toStockholm } from './stockholm-time';

export type CompetenceKind = 'lecture' | 'film' | 'study_visit' | 'external_guest' | 'other';
export const COMPETENCE_KINDS: readonly CompetenceKind[] = ['lecture', 'film', 'study_visit', 'external_guest', 'other'];

export type CompetenceStatus = 'planned' | 'held' | 'cancelled';
export const COMPETENCE_STATUSES: readonly CompetenceStatus[] = ['planned', 'held', 'cancelled'];

export type SuggestionStatus = 'open' | 'planned';

export const COMPETENCE_LIMITS = {
  titleMax: 200,
  descriptionMax: 2000,
  organiserMax: 200,
  learnedMax: 5000,
  linksMax: 5,
  linkMax: 500,
  linkLabelMax: 100,
  /** One group has some ten organisations; a few more leaves room for bolag and others. */
  participantRowsMax: 30,
  /** Per organisation: a whole förvaltning at a lecture is a few hundred at most. */
  participantsMax: 1000,
  actionsMax: 20,
} as const;

export interface CompetenceLink {
  url: string;
  /** What the link is (e.g. "Bilderna"); empty shows the address. */
  label: string;
}

/** How many from one organisation of the group took part. Counts, not people: see the decision. */
export interface ParticipantCount {
  organisationId: string;
  count: number;
}

export interface CompetenceActivity {
  id: string;
  tenantId: string;
  groupId: string;
  kind: CompetenceKind;
  status: CompetenceStatus;
  /** A calendar date in Stockholm, "YYYY-MM-DD". */
  date: string;
  title: string;
  description: string;
  /** Who holds it: one of the group's organisations, or free text (an outside lecturer), or both empty. */
  organiserOrganisationId: string | null;
  organiser: string;
  participants: ParticipantCount[];
  links: CompetenceLink[];
  /** *Vad vi lärde oss*. */
  learned: string;
  /** Actions (from meetings' minutes) that came out of it. */
  actionIds: string[];
  /** The suggestion it was planned from, if any. */
  suggestionId: string | null;
  /** Raised by every saved change: an edit names the revision it started from. */
  revision: number;
  createdAt: Date;
  updatedAt: Date;
}

export interface CompetenceSuggestion {
  id: string;
  tenantId: string;
  groupId: string;
  kind: CompetenceKind;
  title: string;
  description: string;
  link: string | null;
  suggestedByPersonId: string;
  status: SuggestionStatus;
  /** The form's one-time key: a double click stores one suggestion. */
  submissionKey: string;
  createdAt: Date;
  updatedAt: Date;
}

/** What a strategist sends for a new or changed activity. */
export interface ActivityDraft {
  kind: string;
  status: string;
  date: string;
  title: string;
  description: string;
  organiserOrganisationId: string | null;
  organiser: string;
  participants: ParticipantCount[];
  links: CompetenceLink[];
  learned: string;
  actionIds: string[];
}

export interface SuggestionDraft {
  kind: string;
  title: string;
  description: string;
  link: string;
}

export type ActivityField =
  'kind' | 'status' | 'date' | 'title' | 'description' | 'organiser' | 'participants' | 'links' | 'learned' | 'actionIds';
export type SuggestionField = 'kind' | 'title' | 'description' | 'link';

export type CompetenceFieldError =
  | 'required'
  | 'too-long'
  | 'too-many'
  | 'unknown-choice'
  | 'not-https'
  | 'invalid-date'
  | 'held-in-future'
  | 'not-held'
  | 'bad-count'
  | 'duplicate';

export type Checked<D, F extends string> = { ok: true; draft: D } | { ok: false; errors: Partial<Record<F, CompetenceFieldError>> };

/** What the group offers to choose from: its organisations, and the actions of its meetings. */
export interface ActivityChoices {
  organisationIds: ReadonlySet<string>;
  actionIds: ReadonlySet<string>;
}

const length = (text: string) => [...text].length;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar date from 2000 to 2100 ("2026-02-30" is none). */
export function isCalendarDate(text: string): boolean {
  const match = DATE.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year < 2000 || year > 2100) return false;
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** Today in Stockholm, "YYYY-MM-DD". */
export function stockholmToday(now: Date): string {
  const t = toStockholm(now);
  return `${t.year}-${String(t.month).padStart(2, '0')}-${String(t.day).padStart(2, '0')}`;
}

/** A link people can open from the tab: https only, no credentials, no control characters. */
export function isCompetenceLink(url: string): boolean {
  return length(url) <= COMPETENCE_LIMITS.linkMax && isHttpsUrl(url);
}

function isKind(value: string): value is CompetenceKind {
  return (COMPETENCE_KINDS as readonly string[]).includes(value);
}

function isStatus(value: string): value is CompetenceStatus {
  return (COMPETENCE_STATUSES as readonly string[]).includes(value);
}

type ActivityOut = Omit<ActivityDraft, 'kind' | 'status'> & { kind: CompetenceKind; status: CompetenceStatus };

/**
 * The rules for an activity in the ledger. Only a held activity has participants, and it cannot
 * be held after today: counts for something that has not happened would end up in a report.
 * Participants are whole numbers per organisation of the group, each organisation once.
 */
export function checkActivityDraft(draft: ActivityDraft, choices: ActivityChoices, now: Date): Checked<ActivityOut, ActivityField> {
  const errors: Partial<Record<ActivityField, CompetenceFieldError>> = {};
  const title = draft.title.trim();
  const organiser = draft.organiser.trim();
  const description = draft.description.trim();
  const learned = draft.learned.trim();

  if (!isKind(draft.kind)) errors.kind = 'unknown-choice';
  if (!isStatus(draft.status)) errors.status = 'unknown-choice';
  if (title === '') errors.title = 'required';
  else if (length(title) > COMPETENCE_LIMITS.titleMax) errors.title = 'too-long';
  if (length(description) > COMPETENCE_LIMITS.descriptionMax) errors.description = 'too-long';
  if (length(organiser) > COMPETENCE_LIMITS.organiserMax) errors.organiser = 'too-long';
  else if (draft.organiserOrganisationId !== null && !choices.organisationIds.has(draft.organiserOrganisationId))
    errors.organiser = 'unknown-choice';
  if (length(learned) > COMPETENCE_LIMITS.learnedMax) errors.learned = 'too-long';

  if (!isCalendarDate(draft.date)) errors.date = 'invalid-date';
  else if (draft.status === 'held' && draft.date > stockholmToday(now)) errors.date = 'held-in-future';

  const participants = draft.participants;
  const seen = new Set<string>();
  if (participants.length > 0 && draft.status !== 'held') errors.participants = 'not-held';
  else if (participants.length > COMPETENCE_LIMITS.participantRowsMax) errors.participants = 'too-many';
  else {
    for (const row of participants) {
      if (!Number.isInteger(row.count) || row.count < 1 || row.count > COMPETENCE_LIMITS.participantsMax) {
        errors.participants = 'bad-count';
        break;
      }
      if (!choices.organisationIds.has(row.organisationId)) {
        errors.participants = 'unknown-choice';
        break;
      }
      if (seen.has(row.organisationId)) {
        errors.participants = 'duplicate';
        break;
      }
      seen.add(row.organisationId);
    }
  }

  const links = draft.links.map((link) => ({ url: link.url.trim(), label: link.label.trim() }));
  if (links.length > COMPETENCE_LIMITS.linksMax) errors.links = 'too-many';
  else if (links.some((link) => !isCompetenceLink(link.url))) errors.links = 'not-https';
  else if (links.some((link) => length(link.label) > COMPETENCE_LIMITS.linkLabelMax)) errors.links = 'too-long';

  const actionIds = [...new Set(draft.actionIds)];
  if (actionIds.length > COMPETENCE_LIMITS.actionsMax) errors.actionIds = 'too-many';
  else if (actionIds.some((id) => !choices.actionIds.has(id))) errors.actionIds = 'unknown-choice';

  if (Object.keys(errors).length > 0 || !isKind(draft.kind) || !isStatus(draft.status)) return { ok: false, errors };
  return {
    ok: true,
    draft: {
      ...draft,
      kind: draft.kind,
      status: draft.status,
      title,
      description,
      organiser,
      learned,
      // Sorted, so an unchanged list saves as unchanged.
      participants: [...participants].sort((a, b) => (a.organisationId < b.organisationId ? -1 : 1)),
      links,
      actionIds: actionIds.sort(),
    },
  };
}

type SuggestionOut = { kind: CompetenceKind; title: string; description: string; link: string | null };

/** A member's suggestion: a kind, a title, a few words and at most one https link. */
export function checkSuggestionDraft(draft: SuggestionDraft): Checked<SuggestionOut, SuggestionField> {
  const errors: Partial<Record<SuggestionField, CompetenceFieldError>> = {};
  const title = draft.title.trim();
  const description = draft.description.trim();
  const link = draft.link.trim();
  if (!isKind(draft.kind)) errors.kind = 'unknown-choice';
  if (title === '') errors.title = 'required';
  else if (length(title) > COMPETENCE_LIMITS.titleMax) errors.title = 'too-long';
  if (length(description) > COMPETENCE_LIMITS.descriptionMax) errors.description = 'too-long';
  if (link !== '' && !isCompetenceLink(link)) errors.link = 'not-https';
  if (Object.keys(errors).length > 0 || !isKind(draft.kind)) return { ok: false, errors };
  return { ok: true, draft: { kind: draft.kind, title, description, link: link === '' ? null : link } };
}

/**
 * Whether a vote may be cast or withdrawn: only on a suggestion still open. Votes are counted as
 * a set of people, so a second vote by the same person is the same vote (see the repository).
 */
export function mayVote(suggestion: Pick<CompetenceSuggestion, 'status'>): boolean {
  return suggestion.status === 'open';
}

/** Suggestions in the order the group sees them: most votes first, then the oldest. */
export function bySupport<T extends { votes: number; createdAt: Date; id: string }>(a: T, b: T): number {
  return b.votes - a.votes || a.createdAt.getTime() - b.createdAt.getTime() || (a.id < b.id ? -1 : 1);
}

/** The year's plan: planned and held activities by month (1–12), each month in date order. */
export function planByMonth<T extends Pick<CompetenceActivity, 'date' | 'status' | 'title'>>(
  activities: readonly T[],
  year: number,
): T[][] {
  const months: T[][] = Array.from({ length: 12 }, () => []);
  for (const activity of activities) {
    if (activity.status === 'cancelled' || !activity.date.startsWith(`${year}-`)) continue;
    months[Number(activity.date.slice(5, 7)) - 1]?.push(activity);
  }
  for (const month of months) month.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.title.localeCompare(b.title, 'sv')));
  return months;
}
