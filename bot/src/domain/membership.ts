export type Role = 'strategist' | 'delegate' | 'substitute' | 'guest';

export const ROLES: readonly Role[] = ['strategist', 'delegate', 'substitute', 'guest'];

export interface Membership {
  tenantId: string;
  groupId: string;
  personId: string;
  role: Role;
}
