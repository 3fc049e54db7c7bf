//! What each release slice still needs in sprints ("needs ≈ 3 sprints · 2 unestimated"), as
//! Rust words it, for the slice headers on the map: one backlog-health read per map change,
//! shared through a context, never one per slice. Nothing until the team sets a velocity.
import { createContext, useCallback } from "react";
import type { Backend } from "../../backend/backend";
import type { MapView } from "../../bindings/MapView";
import { useLoaded } from "../useLoaded";

/** Release id → its line; `null` without a velocity (the roll-up already shows the points). */
export const SliceNeedsContext = createContext<ReadonlyMap<string, string> | null>(null);

/** The slices' needs for `view` (`null`: not shown, nothing read). */
export function useSliceNeeds(backend: Backend, view: MapView | null): ReadonlyMap<string, string> | null {
  const mapId = view?.map.id ?? null;
  const load = useCallback(() => (mapId === null ? Promise.reject(new Error("no map")) : backend.backlogHealth(mapId)), [backend, mapId]);
  const loaded = useLoaded(view === null ? null : load, view);
  if (view === null || loaded.kind !== "shown" || loaded.value.velocity === null) return null;
  return new Map(loaded.value.slices.map((slice) => [slice.releaseId, slice.line]));
}
