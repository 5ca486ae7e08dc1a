/** Which of the person's groups the tab opens: the one the page was opened for, else the last one picked. */
import type { Me } from './api-types';

const GROUP_KEY = 'arbetsrum.groupId';

export function rememberedGroupId(): string | null {
  // A channel tab's content URL names its group (see tab-config-view.tsx).
  const fromUrl = new URLSearchParams(window.location.search).get('group');
  if (fromUrl && /^[A-Za-z0-9-]{1,64}$/.test(fromUrl)) return fromUrl;
  try {
    return sessionStorage.getItem(GROUP_KEY);
  } catch {
    return null;
  }
}

export function rememberGroupId(groupId: string): void {
  try {
    sessionStorage.setItem(GROUP_KEY, groupId);
  } catch {
    // storage blocked: the first group is picked next time
  }
}

/** The chosen group if the person still belongs to it, else their first. */
export function pickGroup(groups: Me['groups'], chosenId: string | null): Me['groups'][number] | undefined {
  return groups.find((g) => g.id === chosenId) ?? groups[0];
}
