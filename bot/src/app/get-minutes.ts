/** A meeting's minutes for any member of its group: the draft being written or the latest published version. */
import type { Actor } from './find-member';
import { minutesAccess } from './minutes-access';
import { readMinutesView, type MinutesWriteDeps } from './read-minutes-view';
import type { MinutesView } from './minutes-view';

export async function getMinutes(deps: MinutesWriteDeps, input: Actor & { meetingId: string }): Promise<MinutesView> {
  return readMinutesView(deps, await minutesAccess(deps.repositories, input, input.meetingId));
}
