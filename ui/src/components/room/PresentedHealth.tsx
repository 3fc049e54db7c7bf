//! The backlog's health on the wall, as Rust words it: the ready sprints against the target
//! (coloured by band and named in words, in the wall's light or dark colours) and, while a
//! slice is shown, what that slice still needs.
import { useCallback } from "react";
import type { Backend } from "../../backend/backend";
import type { MapView } from "../../bindings/MapView";
import { useLoaded } from "../useLoaded";

const BAND_WORDS = { below: "below target", inside: "on target", above: "above target" } as const;

export function PresentedHealth({ backend, view, releaseId }: { backend: Backend; view: MapView; releaseId: string | null }) {
  const mapId = view.map.id;
  const load = useCallback(() => backend.backlogHealth(mapId), [backend, mapId]);
  const loaded = useLoaded(load, view);
  if (loaded.kind !== "shown") return null;
  const health = loaded.value;
  const slice = releaseId === null ? undefined : health.slices.find((candidate) => candidate.releaseId === releaseId);
  const band = health.band ?? "unset";
  return (
    <p className="presented-health" data-testid="presented-health">
      <span className={`presented-health-line is-${band}`} data-band={band}>
        <span className="health-dot" aria-hidden="true" />
        {health.line}
        {health.band !== null && <span className="presented-health-band"> · {BAND_WORDS[health.band]}</span>}
      </span>
      {slice && (
        <span className="presented-health-slice" data-testid="presented-health-slice">
          {slice.title}: {slice.line}
        </span>
      )}
    </p>
  );
}
