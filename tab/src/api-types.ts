/** Shapes of the tab API (`/api`). Dates are ISO 8601 strings. */

export type Role = 'strategist' | 'delegate' | 'substitute' | 'guest';
export type MeetingStatus = 'planned' | 'called' | 'held' | 'minutes_published' | 'cancelled';
export type ServiceMode = 'local' | 'production';

export interface Session {
  mode: ServiceMode;
  devSignIn: boolean;
}

export interface DevPerson {
  id: string;
  name: string;
  organisationName: string | null;
  groupName: string;
  role: Role;
}

export interface Me {
  person: { id: string; name: string; email: string; organisationName: string | null };
  groups: { id: string; name: string; role: Role }[];
}

export interface Meeting {
  id: string;
  title: string;
  startsAt: string;
  durationMinutes: number;
  place: string;
  onlineUrl: string | null;
  status: MeetingStatus;
  chair: { id: string; name: string } | null;
}

export interface GroupOverview {
  group: {
    id: string;
    name: string;
    description: string;
    committeeName: string;
    /** The public body running the service (named in the accessibility statement). */
    tenantName: string;
    /** Where to report accessibility problems; null when the group has not set one. */
    accessibilityContact: string | null;
  };
  role: Role;
  year: number;
  nextMeeting: Meeting | null;
  yearPlan: Meeting[];
}
