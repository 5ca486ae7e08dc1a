/** The words of the nudge to a förvaltning's delegates after two meetings missed, in Swedish and English. */
import type { Locale } from './locale';

export interface RepresentationMessages {
  title: (organisation: string) => string;
  /** The missed meetings' dates, already formatted and joined. */
  intro: (organisation: string, dates: string) => string;
  why: string;
  nextTitle: string;
  noNextMeeting: string;
  ask: string;
  and: string;
}

const sv: RepresentationMessages = {
  title: (organisation) => `${organisation} saknades vid de två senaste mötena`,
  intro: (organisation, dates) => `Ingen från ${organisation} var med på mötena ${dates}: varken en delegat eller en ersättare.`,
  why: 'Gruppen behöver alla förvaltningar för att samarbetet ska fungera. Kan du inte komma, skicka gärna en ersättare.',
  nextTitle: 'Nästa möte',
  noNextMeeting: 'Nästa möte är inte planerat ännu. Du får en kallelse när det är dags.',
  ask: 'Kommer du, eller skickar du en ersättare?',
  and: 'och',
};

const en: RepresentationMessages = {
  title: (organisation) => `${organisation} was missing from the last two meetings`,
  intro: (organisation, dates) => `Nobody from ${organisation} came to the meetings on ${dates}: neither a delegate nor a substitute.`,
  why: 'The group needs every administration for the cooperation to work. If you cannot come, please send a substitute.',
  nextTitle: 'Next meeting',
  noNextMeeting: 'The next meeting is not planned yet. You will get an invitation when it is.',
  ask: 'Are you coming, or sending a substitute?',
  and: 'and',
};

export function representationMessages(locale: Locale): RepresentationMessages {
  return locale === 'en' ? en : sv;
}

/** The dates as given, the last two joined by "och" ("and"). */
export function joinDates(dates: readonly string[], locale: Locale): string {
  const m = representationMessages(locale);
  return dates.length <= 1 ? (dates[0] ?? '') : `${dates.slice(0, -1).join(', ')} ${m.and} ${dates.at(-1)}`;
}
