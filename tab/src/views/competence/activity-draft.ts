/**
 * The activity dialog's draft: the form's values as typed, made from the activity or empty; its
 * errors per field; and the https rule for links.
 */
import type { Activity, ActivityBody, FieldError } from './competence-api';

/** https only, no user:password@, no whitespace: as the service checks. */
export const HTTPS = /^https:\/\/[^\s/?#@\\]+(?:[/?#]\S*)?$/i;

export type Errors = Partial<Record<keyof ActivityBody | 'organiser', FieldError>>;

export interface Draft {
  kind: ActivityBody['kind'];
  status: ActivityBody['status'];
  date: string;
  title: string;
  description: string;
  organiserOrganisationId: string;
  organiser: string;
  counts: Record<string, string>;
  links: { url: string; label: string }[];
  learned: string;
  actionIds: string[];
}

export function draftOf(activity: Activity | null, today: string): Draft {
  return {
    kind: activity?.kind ?? 'lecture',
    status: activity?.status ?? 'planned',
    date: activity?.date ?? today,
    title: activity?.title ?? '',
    description: activity?.description ?? '',
    organiserOrganisationId: activity?.organiserOrganisation?.id ?? '',
    organiser: activity?.organiser ?? '',
    counts: Object.fromEntries((activity?.participants ?? []).map((p) => [p.organisationId, String(p.count)])),
    links: activity?.links.map((l) => ({ ...l })) ?? [],
    learned: activity?.learned ?? '',
    actionIds: activity?.actions.map((a) => a.id) ?? [],
  };
}
