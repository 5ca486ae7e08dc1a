import { DEFAULT_STANDING_ITEMS, type StandingItemTemplate } from './standing-items';
/** A working group: one per Team. Its lead times are data, set per group. */
export interface GroupSettings {
  /** Proposals close this many days before a meeting. */
  proposalDeadlineDays: number;
  /** The call for proposals goes out this many days before a meeting. */
  callForProposalsDays: number;
  /** Default length of a meeting in minutes. */
  meetingMinutes: number;
  /** Name of the committee the strategists report to (configurable: it changes with reorganisations). */
  committeeName: string;
  /** The agenda's standing items, opening and closing; data, so each group words its own. */
  standingItems: readonly StandingItemTemplate[];
  /** Where people report accessibility problems or ask for content in another form (a mail address); shown in the accessibility statement. */
  accessibilityContact?: string;
  /** Who gets published minutes by mail besides the members, e.g. the committee's secretary (mail addresses). */
  minutesMailTo?: readonly string[];
  /**
   * The kallelse goes out on its own this many days before a meeting, unless the chair sent it
   * already; null: only the chair sends it. Default 5.
   */
  kallelseDays?: number | null;
  /** Local time of day (Stockholm) when timed reminders go out, "HH:MM". Default 09:00. */
  remindersAt?: string;
}

export interface Group {
  id: string;
  tenantId: string;
  name: string;
  description: string;
  /** The Teams team (group) id, once the bot has been installed in one. */
  teamId: string | null;
  /** The Microsoft 365 group behind the team: its SharePoint library and calendar (Teams' aadGroupId). */
  m365GroupId?: string | null;
  settings: GroupSettings;
}

export const DEFAULT_GROUP_SETTINGS: GroupSettings = {
  proposalDeadlineDays: 7,
  callForProposalsDays: 21,
  meetingMinutes: 120,
  committeeName: 'Miljöutskottet',
  standingItems: DEFAULT_STANDING_ITEMS,
};
