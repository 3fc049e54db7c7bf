import { useEffect, useState } from "react";
import type { MapEdit } from "../bindings/MapEdit";
import type { MapSummary } from "../bindings/MapSummary";
import type { MapView } from "../bindings/MapView";
import { countLabel, storyCountLabel } from "../model/labels";
import { EditableText } from "./EditableText";
import { AlertIcon, AppMark, DeviceCheckIcon } from "./Icons";
import { MapSwitcher } from "./MapSwitcher";

export interface TopBarProps {
  view: MapView | null;
  maps: readonly MapSummary[];
  pendingEdits: number;
  lastEditFailed: boolean;
  /** Offer the map switcher even without a shown map (when the start map failed to open). */
  canSwitchMaps: boolean;
  onEdit: (edit: MapEdit) => void;
  onOpenMap: (mapId: string) => void;
  onCreateMap: (name: string) => void;
  onRefreshMaps: () => void;
}

export function TopBar({
  view,
  maps,
  pendingEdits,
  lastEditFailed,
  canSwitchMaps,
  onEdit,
  onOpenMap,
  onCreateMap,
  onRefreshMaps,
}: TopBarProps) {
  const stepCount = view?.activities.reduce((sum, activity) => sum + activity.steps.length, 0) ?? 0;
  return (
    <header className="topbar">
      <div className="brand">
        <AppMark />
        <span className="brand-name">Storymap</span>
      </div>
      {(view || canSwitchMaps) && (
        <>
          <span className="topbar-divider" aria-hidden="true" />
          <MapSwitcher
            maps={maps}
            currentMapId={view?.map.id ?? null}
            onOpenMap={onOpenMap}
            onCreateMap={onCreateMap}
            onRefresh={onRefreshMaps}
          />
        </>
      )}
      {view && (
        <>
          <div className="map-title">
            <EditableText
              as="h1"
              className="map-name"
              inputClassName="map-name-input"
              testId="map-name"
              label="Map name"
              value={view.map.name}
              onCommit={(name) => {
                onEdit({ kind: "renameMap", name });
              }}
            />
          </div>
          <div className="topbar-spacer" />
          <p className="map-stats" aria-label="Map size">
            <span>{countLabel(view.activities.length, "activity", "activities")}</span>
            <span aria-hidden="true">·</span>
            <span>{countLabel(stepCount, "step", "steps")}</span>
            <span aria-hidden="true">·</span>
            <span>{storyCountLabel(view.stories.length)}</span>
          </p>
          <SaveStatus pending={pendingEdits > 0} failed={lastEditFailed} />
        </>
      )}
    </header>
  );
}

/** `flag`, but only once it has stayed true for `delayMs`: keeps quick saves from flickering. */
function useSettled(flag: boolean, delayMs: number): boolean {
  const [settled, setSettled] = useState(false);
  useEffect(() => {
    if (!flag) return;
    const timer = setTimeout(() => {
      setSettled(true);
    }, delayMs);
    return () => {
      clearTimeout(timer);
      setSettled(false);
    };
  }, [flag, delayMs]);
  return flag && settled;
}

function SaveStatus({ pending: pendingNow, failed }: { pending: boolean; failed: boolean }) {
  const pending = useSettled(pendingNow, 400);
  let text = "Saved on this device";
  let tone = "saved";
  if (pending) {
    text = "Saving…";
    tone = "saving";
  } else if (failed) {
    text = "Last change not saved";
    tone = "failed";
  }
  return (
    <div className={`save-status is-${tone}`} role="status" data-testid="save-status">
      {tone === "failed" ? <AlertIcon /> : <DeviceCheckIcon />}
      <span>{text}</span>
    </div>
  );
}
