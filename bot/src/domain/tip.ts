/**
 * Omvärldsbevakning: a tip a member brings to the group — a link, a comment, or a Teams message
 * passed on — that the group may later make an agenda proposal of. The rules of what a tip may
 * hold, and who may act on it, live here.
 */

import type { Role } from './membership';

export type TipSource = 'bot' | 'message-extension' | 'tab';
export const TIP_SOURCES: readonly TipSource[] = ['bot', 'message-extension', 'tab'];

/** new → proposed (a proposal was made of it) | dismissed (a strategist set it aside). */
export type TipStatus = 'new' | 'proposed' | 'dismissed';
export const TIP_STATUSES: readonly TipStatus[] = ['new', 'proposed', 'dismissed'];

export const TIP_LIMITS = {
  urlMax: 2000,
  commentMax: 1000,
  /** A Teams message passed on is kept as this much text; the rest is cut, not refused. */
  quoteMax: 2000,
} as const;

export interface Tip {
  id: string;
  tenantId: string;
  groupId: string;
  senderPersonId: string;
  /** https only; null when the tip is only a comment or a message. */
  url: string | null;
  comment: string;
  source: TipSource;
  /** The text of the Teams message the tip was made from (message extension), bounded. */
  quote: string | null;
  status: TipStatus;
  /** The proposal made of it, once status is 'proposed'. */
  proposalId: string | null;
  /** The form's one-time key: a double click stores one tip. */
  submissionKey: string;
  createdAt: Date;
  updatedAt: Date;
}

export interface TipDraft {
  url: string;
  comment: string;
  quote: string | null;
}

export type TipField = 'url' | 'comment';
export type TipFieldError = 'required' | 'too-long' | 'not-https';

export type TipCheck =
  | { ok: true; tip: { url: string | null; comment: string; quote: string | null } }
  | { ok: false; errors: Partial<Record<TipField, TipFieldError>> };

/** Length as a person counts characters. */
const length = (text: string) => [...text].length;

/**
 * A tip must say something: a link, a comment or a message passed on. A link must be an absolute
 * https URL (no credentials in it) — it is shown as a link to everyone in the group, so
 * `javascript:`, `data:` and plain http are refused. A long quote is cut at the limit, since the
 * person did not write it and cannot shorten it in the form.
 */
export function checkTipDraft(draft: TipDraft): TipCheck {
  const errors: Partial<Record<TipField, TipFieldError>> = {};
  const url = draft.url.trim();
  const comment = draft.comment.replace(/\r\n/g, '\n').trim();
  const quote = boundQuote(draft.quote);
  if (url !== '') {
    if (length(url) > TIP_LIMITS.urlMax) errors.url = 'too-long';
    else if (!isHttpsUrl(url)) errors.url = 'not-https';
  }
  if (length(comment) > TIP_LIMITS.commentMax) errors.comment = 'too-long';
  if (url === '' && comment === '' && quote === null) errors.comment = 'required';
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, tip: { url: url === '' ? null : url, comment, quote } };
}

export function isHttpsUrl(text: string): boolean {
  // Written as it will be stored and linked: `https://` and a host, nothing the URL parser would tidy up.
  if (/\s/.test(text) || !/^https:\/\/[^/\\]/.test(text)) return false;
  let parsed: URL;
  try {
    parsed = new URL(text);
  } catch {
    return false;
  }
  return parsed.protocol === 'https:' && parsed.hostname !== '' && parsed.username === '' && parsed.password === '';
}

/** Whitespace folded, cut to the limit with an ellipsis; null when nothing is left. */
export function boundQuote(text: string | null): string | null {
  if (text === null) return null;
  const folded = text.replace(/\s+/g, ' ').trim();
  if (folded === '') return null;
  const chars = [...folded];
  return chars.length <= TIP_LIMITS.quoteMax ? folded : `${chars.slice(0, TIP_LIMITS.quoteMax - 1).join('')}…`;
}

/** The first https link in a message, to fill in the form's link field. */
export function firstHttpsUrl(text: string): string | null {
  for (const candidate of text.match(/https:\/\/[^\s<>"']+/g) ?? []) {
    const trimmed = candidate.replace(/[.,;:!?)\]]+$/, '');
    if (length(trimmed) <= TIP_LIMITS.urlMax && isHttpsUrl(trimmed)) return trimmed;
  }
  return null;
}

/** Any member may make a proposal of a tip that is still new: the proposal is theirs. */
export function mayMakeProposal(tip: Pick<Tip, 'status'>): boolean {
  return tip.status === 'new';
}

/** Only strategists set a tip aside, and only one that is still new. */
export function mayDismiss(tip: Pick<Tip, 'status'>, role: Role): boolean {
  return role === 'strategist' && tip.status === 'new';
}

/** A proposal's starting text from a tip: the comment, the link and the message passed on. */
export function proposalTextFromTip(tip: Pick<Tip, 'url' | 'comment' | 'quote'>): { title: string; description: string } {
  const firstLine = (tip.comment || tip.quote || tip.url || '').split('\n')[0]?.trim() ?? '';
  const chars = [...firstLine];
  const title = chars.length <= 80 ? firstLine : `${chars.slice(0, 79).join('')}…`;
  const description = [tip.comment, tip.url, tip.quote ? `”${tip.quote}”` : ''].filter((part) => part && part !== '').join('\n\n');
  return { title, description: [...description].slice(0, 4000).join('') };
}
