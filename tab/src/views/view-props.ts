/** What every view of the signed-in tab gets from the shell. */
import type { ApiClient } from '../api';
import type { GroupOverview, Me, Role } from '../api-types';
import type { ViewKey } from '../route';

export interface ViewProps {
  api: ApiClient;
  me: Me;
  group: { id: string; name: string };
  /** The caller's role in this group: strategists plan and decide, everyone else reads. */
  role: Role;
  /** The group's overview (next meeting, year plan), once loaded. */
  overview: GroupOverview | undefined;
  /** Load the overview again after a change that affects it (a meeting moved, a kallelse sent). */
  reloadOverview: () => void;
  /** The view's argument from the URL (e.g. a meeting id), or null. */
  arg: string | null;
  navigate: (view: ViewKey, arg?: string | null) => void;
  onOpenLink: (url: string) => void;
}
