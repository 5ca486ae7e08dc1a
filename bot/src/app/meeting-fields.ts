/**
 * The checks a meeting's editable fields share, wherever they come from (the plan dialog, an
 * edit). A refusal names the field first ("onlineUrl: …"), as the API's 400s do, so the tab can
 * put the message at the field.
 */
import { isHttpsUrl, MEETING_LIMITS } from '../domain/meeting-plan';
import { AppError } from './errors';

const length = (text: string): number => [...text].length;

export function checkTitle(title: string, field = 'title'): string {
  const tidy = title.replace(/\s+/g, ' ').trim();
  const max = field === 'titlePrefix' ? MEETING_LIMITS.titlePrefixMax : MEETING_LIMITS.titleMax;
  if (tidy === '' || length(tidy) > max) throw new AppError('invalid', `${field}: 1–${max} characters`);
  return tidy;
}

export function checkPlace(place: string): string {
  const tidy = place.replace(/\s+/g, ' ').trim();
  if (length(tidy) > MEETING_LIMITS.placeMax) throw new AppError('invalid', `place: at most ${MEETING_LIMITS.placeMax} characters`);
  return tidy;
}

/** An empty link is no link. */
export function checkOnlineUrl(url: string | null): string | null {
  const tidy = url?.trim() ?? '';
  if (tidy === '') return null;
  if (!isHttpsUrl(tidy)) throw new AppError('invalid', 'onlineUrl: an https:// link is needed');
  return tidy;
}

export function checkDuration(minutes: number): number {
  if (!Number.isInteger(minutes) || minutes < MEETING_LIMITS.durationMin || minutes > MEETING_LIMITS.durationMax) {
    throw new AppError('invalid', `durationMinutes: ${MEETING_LIMITS.durationMin}–${MEETING_LIMITS.durationMax} minutes`);
  }
  return minutes;
}
