/** Picks the catalogue and date formatters from a locale: English for "en*", Swedish otherwise. */
import { createContext, useContext } from 'react';
import { en } from './en';
import { createDateFormatters, type DateFormatters } from './format-dates';
import { sv, type Catalogue } from './sv';

export type Language = 'sv' | 'en';
export type { Catalogue } from './sv';

export interface I18n {
  language: Language;
  t: Catalogue;
  dates: DateFormatters;
}

export function languageFor(locale: string | null | undefined): Language {
  return locale?.trim().toLowerCase().startsWith('en') ? 'en' : 'sv';
}

const cache = new Map<Language, I18n>();

export function i18nFor(locale: string | null | undefined): I18n {
  const language = languageFor(locale);
  let i18n = cache.get(language);
  if (!i18n) {
    i18n = { language, t: language === 'en' ? en : sv, dates: createDateFormatters(language) };
    cache.set(language, i18n);
  }
  return i18n;
}

export const I18nContext = createContext<I18n>(i18nFor('sv'));

export function useI18n(): I18n {
  return useContext(I18nContext);
}

/** "hållbarhetsstrateg" → "Hållbarhetsstrateg", for words that start a line. */
export function capitalise(text: string, language: Language): string {
  return text.charAt(0).toLocaleUpperCase(language === 'sv' ? 'sv-SE' : 'en-GB') + text.slice(1);
}
