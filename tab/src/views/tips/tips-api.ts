/** The Omvärldsbevakning view's calls: the group's tips, a new tip, a proposal made of one, one set aside. */
import type { ApiClient } from '../../api';

export type TipStatus = 'new' | 'proposed' | 'dismissed';
export type TipSource = 'bot' | 'message-extension' | 'tab';

export interface GroupTip {
  id: string;
  url: string | null;
  comment: string;
  /** The Teams message it was passed on from. */
  quote: string | null;
  source: TipSource;
  status: TipStatus;
  sender: { personId: string; name: string | null };
  proposal: { id: string; title: string } | null;
  createdAt: string;
}

export interface TipList {
  tips: GroupTip[];
  mayDismiss: boolean;
}

/** As the service checks them (bot/src/domain/tip.ts, proposal.ts): the form says so before sending. */
export const TIP_LIMITS = { urlMax: 2000, commentMax: 1000, titleMax: 120, descriptionMax: 4000 } as const;

const base = (groupId: string) => `/groups/${encodeURIComponent(groupId)}/tips`;

export function listTips(api: ApiClient, groupId: string, signal?: AbortSignal): Promise<TipList> {
  return api.request(base(groupId), { signal });
}

export function addTip(
  api: ApiClient,
  groupId: string,
  body: { submissionKey: string; url: string; comment: string },
): Promise<{ tip: GroupTip }> {
  return api.request(base(groupId), { method: 'POST', body });
}

export function dismissTip(api: ApiClient, groupId: string, tipId: string): Promise<{ tip: GroupTip }> {
  return api.request(`${base(groupId)}/${encodeURIComponent(tipId)}/dismiss`, { method: 'POST', body: {} });
}

export function makeProposal(
  api: ApiClient,
  groupId: string,
  tipId: string,
  body: { submissionKey: string; title: string; description: string; minutesNeeded: number },
): Promise<{ proposal: { id: string; title: string } }> {
  return api.request(`${base(groupId)}/${encodeURIComponent(tipId)}/proposal`, { method: 'POST', body });
}

/** A one-time key per form: a double click or a retry stores once. */
export function newSubmissionKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  // Outside a secure context (a plain-http address) randomUUID is missing: the same from random bytes.
  return [...crypto.getRandomValues(new Uint8Array(16))].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** As the service: `https://` and a host, nothing else. */
export function isHttpsLink(text: string): boolean {
  if (/\s/.test(text) || !/^https:\/\/[^/\\]/.test(text)) return false;
  try {
    const url = new URL(text);
    return url.protocol === 'https:' && url.hostname !== '' && url.username === '' && url.password === '';
  } catch {
    return false;
  }
}
