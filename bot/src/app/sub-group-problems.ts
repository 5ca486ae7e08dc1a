/** A refused sub-group as a Swedish 422 the tab can show as it is. */
import type { SubGroupProblem } from '../domain/sub-group';
import { SUB_GROUP_LIMITS } from '../domain/sub-group';
import { AppError } from './errors';

const MESSAGES: Record<SubGroupProblem, string> = {
  'bad-name': `Ge delgruppen ett namn på högst ${SUB_GROUP_LIMITS.nameMax} tecken.`,
  'bad-mandate': `Beskriv uppdraget med högst ${SUB_GROUP_LIMITS.mandateMax} tecken.`,
  'bad-deadline': 'Ange klart senast som ett datum, till exempel 2026-05-31.',
  'no-members': 'Välj minst en medlem.',
  'too-many-members': `En delgrupp har högst ${SUB_GROUP_LIMITS.membersMax} medlemmar.`,
  'member-not-in-group': 'Medlemmarna måste vara med i gruppen.',
  'convenor-not-member': 'Den sammankallande måste vara en av delgruppens medlemmar.',
};

export function subGroupRefusal(problem: SubGroupProblem): AppError {
  return new AppError('invalid', MESSAGES[problem]);
}
