/**
 * The words for a refused start or change of a sub-group: the service's own (422) or our hint (400);
 * null for any other failure, which the general error state shows.
 */
import type { ApiError } from '../../api';
import type { SubGroupsStrings } from './subgroups-strings';

export function problemText(error: ApiError, s: SubGroupsStrings): string | null {
  // The service words a refused sub-group in Swedish (422); a malformed form (400) gets our own hint.
  if (error.status === 422 && error.message) return error.message;
  if (error.status === 400) return s.required;
  return null;
}
