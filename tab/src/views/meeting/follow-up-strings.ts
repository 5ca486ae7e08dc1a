/** The strings of the Möte view's follow-up of actions and its timed work, Swedish first. */
import { useI18n } from '../../i18n';

type RunKind =
  | 'call-for-proposals'
  | 'proposal-deadline-reminder'
  | 'kallelse'
  | 'action-status-request'
  | 'day-before-reminder'
  | 'action-due-reminder'
  | 're-reporting-nudge'
  | 'sub-group-reminder'
  | 'representation-nudge';
type RunState = 'scheduled' | 'running' | 'done' | 'failed' | 'cancelled';
type ActionState = 'open' | 'in_progress' | 'blocked' | 'done';

const sv = {
  followUpTitle: 'Uppföljning av åtgärder',
  followUpIntro: 'Öppna åtgärder från tidigare möten. Ägarna får en fråga om hur det går fem dagar före mötet, och svaren visas här.',
  followUpEmpty: 'Inga öppna åtgärder från tidigare möten.',
  action: 'Åtgärd',
  owner: 'Ansvarig',
  due: 'Klart senast',
  answer: 'Svar',
  noOwner: 'Ingen ansvarig',
  noAnswer: 'Inget svar än',
  decidedAt: (title: string) => `Från ${title}`,
  actionStatus: { open: 'Ej påbörjad', in_progress: 'Pågår', blocked: 'Hinder', done: 'Klar' } satisfies Record<ActionState, string>,
  loadingFollowUp: 'Hämtar uppföljningen…',
  timedTitle: 'Utskick',
  timedIntro: 'Det Arbetsrum skickar av sig självt inför och efter mötet, klockan 09.00 om gruppen inte har valt en annan tid.',
  timedEmpty: 'Inget utskick är planerat för mötet.',
  loadingTimed: 'Hämtar utskicken…',
  kinds: {
    'call-for-proposals': 'Inbjudan att föreslå punkter',
    'proposal-deadline-reminder': 'Påminnelse före sista dag för förslag',
    kallelse: 'Kallelse (om den inte redan är skickad)',
    'action-status-request': 'Fråga om åtgärdernas status',
    'day-before-reminder': 'Påminnelse dagen före, och sammanställning till ordföranden',
    'action-due-reminder': 'Påminnelse om en åtgärd',
    're-reporting-nudge': 'Påminnelse om att återrapportera',
    'sub-group-reminder': 'Påminnelse till delgruppens sammankallande',
    'representation-nudge': 'Påminnelse till förvaltningar som saknats vid två möten i rad',
  } satisfies Record<RunKind, string>,
  states: {
    scheduled: 'Planerat',
    running: 'Pågår',
    done: 'Skickat',
    failed: 'Misslyckades',
    cancelled: 'Struket',
  } satisfies Record<RunState, string>,
  when: 'När',
  what: 'Vad',
  state: 'Läge',
  outcome: (o: { sent: number; mailed: number; notReached: number }) =>
    `${o.sent} i Teams${o.mailed ? `, ${o.mailed} med e-post` : ''}${o.notReached ? `, ${o.notReached} nåddes inte` : ''}`,
  failures: {
    'held-elsewhere': 'Några meddelanden höll på att skickas från en annan server. Arbetsrum försöker igen om en stund.',
    error: 'Något gick fel. Arbetsrum försöker igen av sig självt; du kan också försöka nu. Fortsätter det, be IT titta i loggen.',
  },
  soFar: (counts: string) => `Hittills: ${counts}`,
  notReachedTitle: 'Nåddes inte',
  notReachedIntro: 'De här fick inte meddelandet i Teams och inte heller med e-post. Hör av dig till dem på annat sätt.',
  messageKinds: {
    'call-for-proposals': 'inbjudan att föreslå',
    'proposal-reminder': 'påminnelse om förslag',
    kallelse: 'kallelse',
    'kallelse-update': 'ändrad kallelse',
    'meeting-reminder': 'påminnelse dagen före',
    'chair-summary': 'sammanställning',
    'action-status-request': 'fråga om åtgärd',
    'action-due-reminder': 'påminnelse om åtgärd',
    're-reporting-nudge': 'påminnelse om återrapportering',
    'sub-group-reminder': 'påminnelse till sammankallande',
    'representation-nudge': 'påminnelse om representation',
  } as Record<string, string>,
  otherMessage: 'meddelande',
  reasons: {
    'no-conversation': 'har inte öppnat Arbetsrum i Teams',
    'blocked-or-uninstalled': 'har blockerat eller tagit bort Arbetsrum',
    'conversation-gone': 'chatten finns inte längre',
    'retries-exhausted': 'Teams svarade inte trots flera försök',
    'mail-failed': 'e-posten gick inte fram',
    error: 'något gick fel',
  } as Record<string, string>,
  retry: 'Försök igen',
  retrying: 'Försöker igen…',
  retried: (what: string) => `${what}: försöker igen nu.`,
};

export type FollowUpStrings = typeof sv;

const en: FollowUpStrings = {
  followUpTitle: 'Follow-up of actions',
  followUpIntro:
    'Open actions from earlier meetings. Their owners are asked how it goes five days before the meeting; the answers show here.',
  followUpEmpty: 'No open actions from earlier meetings.',
  action: 'Action',
  owner: 'Owner',
  due: 'Due',
  answer: 'Answer',
  noOwner: 'No owner',
  noAnswer: 'No answer yet',
  decidedAt: (title) => `From ${title}`,
  actionStatus: { open: 'Not started', in_progress: 'In progress', blocked: 'Blocked', done: 'Done' },
  loadingFollowUp: 'Loading the follow-up…',
  timedTitle: 'Scheduled messages',
  timedIntro: 'What Arbetsrum sends on its own before and after the meeting, at 09:00 unless the group chose another time.',
  timedEmpty: 'No message is scheduled for this meeting.',
  loadingTimed: 'Loading the scheduled messages…',
  kinds: {
    'call-for-proposals': 'Call for proposals',
    'proposal-deadline-reminder': 'Reminder before the last day for proposals',
    kallelse: 'Invitation (unless already sent)',
    'action-status-request': 'Status request to action owners',
    'day-before-reminder': "Reminder the day before, and the chair's summary",
    'action-due-reminder': 'Reminder about an action',
    're-reporting-nudge': 'Reminder to report back',
    'sub-group-reminder': "Reminder to the sub-group's convenor",
    'representation-nudge': 'Reminder to administrations missing from two meetings in a row',
  },
  states: { scheduled: 'Scheduled', running: 'Running', done: 'Sent', failed: 'Failed', cancelled: 'Dropped' },
  when: 'When',
  what: 'What',
  state: 'State',
  outcome: (o) => `${o.sent} in Teams${o.mailed ? `, ${o.mailed} by mail` : ''}${o.notReached ? `, ${o.notReached} not reached` : ''}`,
  failures: {
    'held-elsewhere': 'Some messages were being sent from another server. Arbetsrum tries again shortly.',
    error: 'Something went wrong. Arbetsrum tries again on its own; you can also try now. If it persists, ask IT to look at the log.',
  },
  soFar: (counts) => `So far: ${counts}`,
  notReachedTitle: 'Not reached',
  notReachedIntro: 'These got the message neither in Teams nor by mail. Reach them another way.',
  messageKinds: {
    'call-for-proposals': 'call for proposals',
    'proposal-reminder': 'proposal reminder',
    kallelse: 'invitation',
    'kallelse-update': 'changed invitation',
    'meeting-reminder': 'reminder the day before',
    'chair-summary': 'summary',
    'action-status-request': 'action status request',
    'action-due-reminder': 'action reminder',
    're-reporting-nudge': 'report-back reminder',
    'sub-group-reminder': 'convenor reminder',
    'representation-nudge': 'representation reminder',
  },
  otherMessage: 'message',
  reasons: {
    'no-conversation': 'has not opened Arbetsrum in Teams',
    'blocked-or-uninstalled': 'blocked or removed Arbetsrum',
    'conversation-gone': 'the chat no longer exists',
    'retries-exhausted': 'Teams did not answer after several tries',
    'mail-failed': 'the mail did not go through',
    error: 'something went wrong',
  },
  retry: 'Try again',
  retrying: 'Trying again…',
  retried: (what) => `${what}: trying again now.`,
};

export function useFollowUpStrings(): FollowUpStrings {
  return useI18n().language === 'en' ? en : sv;
}
