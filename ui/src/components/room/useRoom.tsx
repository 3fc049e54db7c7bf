//! The room as the app shell hosts it: the open session (read again whenever the map changes,
//! so undo, redo and teammates' changes show), the past sessions, the "Session" panel, the
//! start dialog, the summary and presentation mode.
import { useCallback, useEffect, useState } from "react";
import type { Backend } from "../../backend/backend";
import type { MapChange } from "../../bindings/MapChange";
import type { MapEdit } from "../../bindings/MapEdit";
import type { MapView } from "../../bindings/MapView";
import type { SessionListItem } from "../../bindings/SessionListItem";
import { toDisplayError } from "../../model/errors";
import type { NewToast } from "../../state/store";
import type { LiveSession } from "./liveSession";
import { Presentation } from "./Presentation";
import { RoomButtons } from "./RoomButtons";
import { SessionPanel } from "./SessionPanel";
import { StartSessionDialog } from "./StartSessionDialog";
import { SummaryDialog } from "./SummaryDialog";

export interface RoomOptions {
  backend: Backend;
  view: MapView | null;
  send: (edit: MapEdit) => Promise<MapChange | null>;
  onToast: (toast: NewToast) => void;
  openStory: (storyId: string) => void;
}

/** The map's sessions and the open one, if any, read together. */
async function readSessions(backend: Backend, mapId: string): Promise<{ list: SessionListItem[]; live: LiveSession | null }> {
  const list = await backend.sessions(mapId);
  const open = list.find((item) => item.open);
  const session = open ? await backend.session(mapId, open.id) : null;
  return { list, live: session ? { session, readAt: Date.now() } : null };
}

export function useRoom({ backend, view, send, onToast, openStory }: RoomOptions) {
  const mapId = view?.map.id ?? null;
  const [live, setLive] = useState<LiveSession | null>(null);
  const [past, setPast] = useState<SessionListItem[]>([]);
  const [panelOpen, setPanelOpen] = useState(false);
  const [starting, setStarting] = useState(false);
  const [summaryId, setSummaryId] = useState<string | null>(null);
  const [presenting, setPresenting] = useState(false);

  const fail = useCallback(
    (error: unknown) => {
      onToast({ kind: "error", ...toDisplayError(error) });
    },
    [onToast],
  );

  // Whenever the map changes (an edit, undo, redo, a teammate's change), the session may have.
  useEffect(() => {
    if (mapId === null) return;
    let current = true;
    readSessions(backend, mapId).then(
      (answer) => {
        if (!current) return;
        setPast(answer.list);
        setLive(answer.live);
      },
      (error: unknown) => {
        if (current) fail(error);
      },
    );
    return () => {
      current = false;
    };
  }, [backend, mapId, view, fail]);

  const sendSession = useCallback(
    async (edit: MapEdit) => {
      const change = await send(edit);
      if (change?.session) setLive(change.session.open ? { session: change.session, readAt: Date.now() } : null);
      return change;
    },
    [send],
  );

  const endSession = useCallback(async () => {
    if (!live) return;
    const id = live.session.id;
    const change = await sendSession({ kind: "endSession", sessionId: id });
    if (change) setSummaryId(id);
  }, [live, sendSession]);

  const present = useCallback(() => {
    if (view) setPresenting(true);
  }, [view]);
  const togglePanel = useCallback(() => {
    setPanelOpen((open) => !open);
  }, []);

  const buttons = view && (
    <RoomButtons sessionOpen={live !== null} panelOpen={panelOpen} onSession={togglePanel} onPresent={present} />
  );
  const panel = view && panelOpen && !presenting && (
    <SessionPanel
      live={live}
      view={view}
      past={past}
      send={sendSession}
      onStart={() => {
        setStarting(true);
      }}
      onEnd={() => void endSession()}
      onSummary={setSummaryId}
      onOpenStory={openStory}
      onClose={() => {
        setPanelOpen(false);
      }}
    />
  );
  const presentation = view && presenting && (
    <Presentation
      backend={backend}
      view={view}
      live={live}
      send={sendSession}
      onEdit={openStory}
      onExit={() => {
        setPresenting(false);
      }}
    />
  );
  const dialogs = view && (
    <>
      {starting && (
        <StartSessionDialog
          view={view}
          lastParticipants={past.find((item) => !item.open)?.participants ?? []}
          onClose={() => {
            setStarting(false);
          }}
          onStart={(edit) => {
            setStarting(false);
            setPanelOpen(true);
            void sendSession(edit);
          }}
        />
      )}
      {summaryId !== null && (
        <SummaryDialog
          backend={backend}
          mapId={view.map.id}
          sessionId={summaryId}
          onToast={onToast}
          onClose={() => {
            setSummaryId(null);
          }}
        />
      )}
    </>
  );
  return { buttons, panel, presentation, dialogs, presenting, present };
}
