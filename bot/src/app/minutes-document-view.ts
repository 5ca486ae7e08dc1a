/**
 * Published minutes as the public record shows them outside Teams: the Word document in the
 * group's SharePoint library and the mail to every member are both rendered from this one view,
 * built from the locked version (its own copy of attendance and actions), never from live rows.
 */
import type { MeetingView } from './describe-meeting';
import type { AttendanceGroupView, MinutesActionView, PersonRef } from './minutes-view';

export interface MinutesDocumentItem {
  /** Place on the agenda, from 1; null for an item kept because it has text but left the agenda. */
  position: number | null;
  title: string;
  notes: string;
  decision: string;
  actions: MinutesActionView[];
}

export interface MinutesDocumentView {
  groupName: string;
  meeting: MeetingView;
  version: number;
  /** The version this one corrects (a rättelse), or null for the first publication. */
  correctionOf: number | null;
  publishedAt: Date;
  publishedBy: PersonRef | null;
  items: MinutesDocumentItem[];
  /** Actions whose agenda item has left the agenda. */
  otherActions: MinutesActionView[];
  /** Everyone in the group by organisation, with what the minutes noted (present, förhinder, substitute). */
  attendance: AttendanceGroupView[];
  /** The group's next meeting after this one that is not cancelled, if planned. */
  nextMeeting: MeetingView | null;
}
