/**
 * The words for a proposal's kind and status, the same in every view of the tab and as the bot's
 * cards say them (bot/src/app/i18n/proposal-messages.ts), so "Antaget" never reads "tas med" elsewhere.
 */
import type { Language } from '../i18n';

export type ProposalKind =
  'avstamning' | 'diskussion' | 'beslut' | 'information' | 'kompetensutveckling' | 'omvarldsbevakning' | 'samarbete';
export type ProposalStatus = 'submitted' | 'accepted' | 'deferred' | 'declined' | 'withdrawn';

export const PROPOSAL_KIND_WORDS: Record<Language, Record<ProposalKind, string>> = {
  sv: {
    avstamning: 'Avstämning',
    diskussion: 'Diskussion',
    beslut: 'Beslut',
    information: 'Information',
    kompetensutveckling: 'Kompetensutveckling',
    omvarldsbevakning: 'Omvärldsbevakning',
    samarbete: 'Samarbete',
  },
  en: {
    avstamning: 'Check-in',
    diskussion: 'Discussion',
    beslut: 'Decision',
    information: 'Information',
    kompetensutveckling: 'Competence development',
    omvarldsbevakning: 'Horizon scanning',
    samarbete: 'Collaboration',
  },
};

export const PROPOSAL_STATUS_WORDS: Record<Language, Record<ProposalStatus, string>> = {
  sv: { submitted: 'Inskickat', accepted: 'Antaget', deferred: 'Flyttat', declined: 'Avböjt', withdrawn: 'Återtaget' },
  en: { submitted: 'Submitted', accepted: 'Accepted', deferred: 'Deferred', declined: 'Declined', withdrawn: 'Withdrawn' },
};
