/** A member's answer to a call for proposals other than a proposal: "nothing to propose". */
export interface CallResponse {
  tenantId: string;
  groupId: string;
  meetingId: string;
  personId: string;
  answer: 'nothing-to-propose';
  at: Date;
}
