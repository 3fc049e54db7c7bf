//! Activities that share a name: what two laptops adding "Checkout" offline leave after a sync.
import type { MapView } from "../bindings/MapView";

export interface DuplicateActivities {
  /** The name as the first one (in map order) spells it. */
  title: string;
  /** In map order: the later ones merge into the first. */
  activityIds: string[];
}

/** Groups of two or more activities whose names match, ignoring case and outer spaces. */
export function duplicateActivities(view: MapView): DuplicateActivities[] {
  const groups = new Map<string, DuplicateActivities>();
  for (const activity of view.activities) {
    const key = activity.title.trim().toLocaleLowerCase();
    const group = groups.get(key);
    if (group) group.activityIds.push(activity.id);
    else groups.set(key, { title: activity.title.trim(), activityIds: [activity.id] });
  }
  return [...groups.values()].filter((group) => group.activityIds.length > 1);
}
