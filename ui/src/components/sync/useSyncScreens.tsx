//! Sharing and sync as the app shell hosts them: the status pill, the "Share & sync" and "Join a
//! shared map" dialogs, and exporting and importing `.storymap` files from the maps menu.
import { useCallback, useEffect, useState } from "react";
import type { Backend } from "../../backend/backend";
import type { Invitation } from "../../bindings/Invitation";
import type { MapFilePreview } from "../../bindings/MapFilePreview";
import type { MapView } from "../../bindings/MapView";
import type { ReceivedMapView } from "../../bindings/ReceivedMapView";
import { toDisplayError } from "../../model/errors";
import type { NewToast } from "../../state/store";
import { useSyncStatus } from "../../state/useSyncStatus";
import { AboutDialog } from "./AboutDialog";
import { BackupsDialog } from "./BackupsDialog";
import { JoinMapDialog } from "./JoinMapDialog";
import { OpenMapFileDialog } from "./OpenMapFileDialog";
import { DropTarget, useFileDrop } from "./useFileDrop";
import { SyncDialog } from "./SyncDialog";
import { SyncStatusPill } from "./SyncStatusPill";

/** A file name for the map: its name without the characters file systems refuse. */
export function storymapFileName(mapName: string): string {
  const safe = mapName.replace(/[\\/:*?"<>|]+/g, "-").replace(/^[\s-]+|[\s-]+$/g, "");
  return `${safe === "" ? "Story map" : safe}.storymap`;
}

function baseName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}

export function useSyncScreens(
  backend: Backend,
  view: MapView | null,
  openMap: (mapId: string) => Promise<boolean>,
  onToast: (toast: NewToast) => void,
) {
  const mapId = view?.map.id ?? null;
  const mapName = view?.map.name ?? "";
  const [status, refreshStatus] = useSyncStatus(backend, mapId);
  const [dialog, setDialog] = useState<"sync" | "join" | "backups" | "about" | null>(null);
  /** An invitation the app was started with: the join dialog opens filled in. */
  const [invitation, setInvitation] = useState<Invitation | null>(null);
  const close = useCallback(() => {
    setDialog(null);
    setInvitation(null);
  }, []);
  const fail = useCallback(
    (error: unknown) => {
      onToast({ kind: "error", ...toDisplayError(error) });
    },
    [onToast],
  );

  /** Shows what arrived and opens it (again, when it is the open map: it may have changed). */
  const received = useCallback(
    async (answer: ReceivedMapView) => {
      onToast({ kind: "info", message: answer.summary });
      await openMap(answer.map.id);
    },
    [onToast, openMap],
  );

  const exportMap = useCallback(async () => {
    if (mapId === null) return;
    try {
      const path = await backend.chooseSavePath(storymapFileName(mapName));
      if (path === null) return;
      await backend.exportMapFile(mapId, path);
      onToast({ kind: "info", message: `Exported '${mapName}' to ${baseName(path)}` });
    } catch (error) {
      fail(error);
    }
  }, [backend, mapId, mapName, onToast, fail]);

  /** Shows what a .storymap file holds; opening it is confirmed in the dialog. */
  const [filePreview, setFilePreview] = useState<MapFilePreview | null>(null);
  const previewFile = useCallback(
    async (path: string) => {
      try {
        setFilePreview(await backend.previewMapFile(path));
      } catch (error) {
        fail(error);
      }
    },
    [backend, fail],
  );

  const receiveDrop = useCallback(
    (file: File) => {
      const send = async () => {
        const bytes = Array.from(new Uint8Array(await file.arrayBuffer()));
        setFilePreview(await backend.receiveDroppedFile(file.name, bytes));
      };
      send().catch(fail);
    },
    [backend, fail],
  );
  const dragging = useFileDrop(receiveDrop);

  const importMap = useCallback(async () => {
    try {
      const path = await backend.chooseOpenPath();
      if (path !== null) await previewFile(path);
    } catch (error) {
      fail(error);
    }
  }, [backend, previewFile, fail]);

  // What Storymap was started (or started again) with — a file, an invitation — waits in
  // Rust until asked.
  useEffect(() => {
    const takeLaunchRequest = () => {
      backend.takeLaunchRequest().then((request) => {
        if (request?.kind === "file") void previewFile(request.path);
        if (request?.kind === "join") {
          setInvitation(request.invitation);
          setDialog("join");
        }
      }, fail);
    };
    takeLaunchRequest();
    return backend.onLaunchRequest(takeLaunchRequest);
  }, [backend, previewFile, fail]);

  const openJoin = useCallback(() => {
    setDialog("join");
  }, []);
  const openBackups = useCallback(() => {
    setDialog("backups");
  }, []);
  const openAbout = useCallback(() => {
    setDialog("about");
  }, []);

  const pill = view && (
    <SyncStatusPill
      status={status}
      onOpen={() => {
        setDialog("sync");
      }}
    />
  );
  const dialogs = (
    <>
      {dragging && <DropTarget />}
      {dialog === "sync" && mapId !== null && (
        <SyncDialog
          backend={backend}
          mapId={mapId}
          mapName={mapName}
          onClose={close}
          onSaved={() => {
            close();
            refreshStatus();
          }}
        />
      )}
      {dialog === "backups" && (
        <BackupsDialog
          backend={backend}
          mapId={mapId}
          onClose={close}
          onRestored={(map) => {
            close();
            onToast({ kind: "info", message: `Restored '${map.name}'` });
            void openMap(map.id);
          }}
        />
      )}
      {filePreview !== null && (
        <OpenMapFileDialog
          preview={filePreview}
          onClose={() => {
            setFilePreview(null);
          }}
          onConfirm={async (preview) => {
            const answer = await backend.importMapFile(preview.path);
            setFilePreview(null);
            await received(answer);
          }}
        />
      )}
      {dialog === "about" && <AboutDialog backend={backend} onClose={close} />}
      {dialog === "join" && (
        <JoinMapDialog
          key={invitation?.shareUrl ?? "typed"}
          backend={backend}
          mapId={mapId}
          invitation={invitation}
          onClose={close}
          onJoined={(answer) => {
            close();
            void received(answer);
          }}
        />
      )}
    </>
  );
  return { pill, dialogs, openJoin, openBackups, openAbout, exportMap, importMap };
}
