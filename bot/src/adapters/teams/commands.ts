/**
 * What a person typed, as a command: Swedish or English, any case, with or without å/ä/ö
 * ("foresla" is "föreslå"), a trailing "!" or "." ignored.
 */
export type Command = 'help' | 'propose' | 'myProposals' | 'myActions' | 'nextMeeting' | 'agenda' | 'tip' | 'competence';

const WORDS: Record<string, Command> = {
  hjalp: 'help',
  help: 'help',
  '?': 'help',
  hej: 'help',
  hello: 'help',
  hi: 'help',
  start: 'help',
  meny: 'help',
  menu: 'help',
  foresla: 'propose',
  'foresla punkt': 'propose',
  propose: 'propose',
  'nytt forslag': 'propose',
  'mina forslag': 'myProposals',
  'my proposals': 'myProposals',
  'mina atgarder': 'myActions',
  atgarder: 'myActions',
  'my actions': 'myActions',
  'my action items': 'myActions',
  'nasta mote': 'nextMeeting',
  dagordning: 'agenda',
  agenda: 'agenda',
  kallelse: 'agenda',
  'dagordning nasta mote': 'agenda',
  'next meeting': 'nextMeeting',
  tips: 'tip',
  tipsa: 'tip',
  'tipsa gruppen': 'tip',
  omvarldsbevakning: 'tip',
  tip: 'tip',
  'tipsa om kompetens': 'competence',
  'tipsa om kompetensutveckling': 'competence',
  'foresla aktivitet': 'competence',
  kompetens: 'competence',
  kompetensutveckling: 'competence',
  'suggest competence': 'competence',
  'suggest activity': 'competence',
  competence: 'competence',
};

export function normaliseCommand(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[!.]+$/, '')
    .replace(/\s+/g, ' ')
    .trim();
}

export function parseCommand(text: string): Command | null {
  return WORDS[normaliseCommand(text)] ?? null;
}
