//! History as the app shell hosts it: the "What changed" button and drawer, the conflicts
//! indicator, dialog and card badges, the list of earlier versions, and the read-only past map
//! with its banner and "Restore this story".
import { useCallback, useMemo, useState } from "react";
import type { Backend } from "../../backend/backend";
import type { ChangesSince } from "../../bindings/ChangesSince";
import type { HistoryPointView } from "../../bindings/HistoryPointView";
import type { MapChange } from "../../bindings/MapChange";
import type { MapEdit } from "../../bindings/MapEdit";
import type { MapView } from "../../bindings/MapView";
import { toDisplayError } from "../../model/errors";
import type { NewToast } from "../../state/store";
import { cardSelector } from "../selectors";
import { ChangesPanel } from "./ChangesPanel";
import { ConflictsPanel } from "./ConflictsPanel";
import { versionsByStory, type StoryConflicts } from "./conflicts";
import { HistoryButtons } from "./HistoryButtons";
import { HistoryPointsDialog } from "./HistoryPointsDialog";
import { PastBanner } from "./PastBanner";
import type { PastMap } from "./pastMap";
import { useConflicts } from "./useConflicts";

interface Past {
  mapId: string;
  point: HistoryPointView;
  view: MapView;
}

type Open = { kind: "changes" } | { kind: "points" } | { kind: "conflicts"; storyId: string | null } | null;

export interface HistoryScreensInput {
  backend: Backend;
  /** The map as the backend last confirmed it (re-read conflicts when it changes). */
  confirmed: MapView | null;
  send: (edit: MapEdit) => Promise<MapChange | null>;
  openStory: (storyId: string) => void;
  onToast: (toast: NewToast) => void;
}

export function useHistoryScreens({ backend, confirmed, send, openStory, onToast }: HistoryScreensInput) {
  const mapId = confirmed?.map.id ?? null;
  const [open, setOpen] = useState<Open>(null);
  const [since, setSince] = useState<ChangesSince>({ kind: "lastSync" });
  const [pastState, setPast] = useState<Past | null>(null);
  const [conflicts, refreshConflicts] = useConflicts(backend, confirmed);
  // An earlier version belongs to the map it was taken from.
  const past = pastState?.mapId === mapId ? pastState : null;

  const close = useCallback(() => {
    setOpen(null);
  }, []);
  const toggleChanges = useCallback(() => {
    setOpen((current) => (current?.kind === "changes" ? null : { kind: "changes" }));
  }, []);
  const backToNow = useCallback(() => {
    setPast(null);
  }, []);

  const choosePoint = useCallback(
    async (point: HistoryPointView) => {
      if (mapId === null) return;
      setOpen(null);
      try {
        const view = await backend.mapAt(mapId, point.hash);
        setPast({ mapId, point, view });
      } catch (error) {
        onToast({ kind: "error", ...toDisplayError(error) });
      }
    },
    [backend, mapId, onToast],
  );

  const showStory = useCallback(
    (storyId: string) => {
      setOpen(null);
      setPast(null);
      openStory(storyId);
      // Bring its card into view; closing the details then gives the card focus.
      requestAnimationFrame(() => {
        const shown = document.querySelector<HTMLElement>(cardSelector(storyId));
        // Not every webview (nor jsdom) scrolls elements into view.
        if (shown && "scrollIntoView" in shown) shown.scrollIntoView({ block: "center", inline: "center" });
      });
    },
    [openStory],
  );

  const pastHash = past?.point.hash ?? null;
  const pastMap = useMemo<PastMap | null>(
    () =>
      pastHash === null
        ? null
        : {
            at: pastHash,
            restoreStory: (storyId) => {
              void send({ kind: "restoreStory", storyId, at: pastHash }).then((change) => {
                if (change) setPast(null);
              });
            },
          },
    [pastHash, send],
  );

  const storyConflicts = useMemo<StoryConflicts>(
    () => ({
      versions: versionsByStory(conflicts),
      open: (storyId) => {
        setOpen({ kind: "conflicts", storyId });
      },
    }),
    [conflicts],
  );

  const buttons = mapId !== null && (
    <HistoryButtons
      changesOpen={open?.kind === "changes"}
      conflictCount={conflicts.length}
      onChanges={toggleChanges}
      onConflicts={() => {
        setOpen({ kind: "conflicts", storyId: null });
      }}
    />
  );

  const panels = mapId !== null && (
    <>
      {open?.kind === "changes" && (
        <ChangesPanel
          backend={backend}
          mapId={mapId}
          since={since}
          onSince={setSince}
          revision={confirmed}
          onOpenStory={showStory}
          onViewEarlier={() => {
            setOpen({ kind: "points" });
          }}
          onClose={close}
        />
      )}
      {open?.kind === "points" && (
        <HistoryPointsDialog backend={backend} mapId={mapId} onChoose={(point) => void choosePoint(point)} onClose={close} />
      )}
      {open?.kind === "conflicts" && (
        <ConflictsPanel
          conflicts={conflicts}
          storyId={open.storyId}
          send={send}
          onSettled={refreshConflicts}
          onShowAll={() => {
            setOpen({ kind: "conflicts", storyId: null });
          }}
          onClose={close}
        />
      )}
    </>
  );

  const banner = past && <PastBanner at={past.point.at} label={past.point.label} onBack={backToNow} />;
  return {
    buttons,
    panels,
    banner,
    pastView: past?.view ?? null,
    pastMap,
    storyConflicts,
    toggleChanges,
    backToNow,
  };
}
