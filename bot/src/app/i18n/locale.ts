/** Swedish first; English only when Teams says the user's locale is English. */
export type Locale = 'sv' | 'en';

export function pickLocale(requested: string | null | undefined): Locale {
  return requested?.toLowerCase().startsWith('en') ? 'en' : 'sv';
}
