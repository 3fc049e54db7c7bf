//! The refinement screens the app shell hosts: the Map ⇄ Backlog switch, the story details
//! panel (which story, and where focus goes back to), the Definition-of-Ready settings and
//! the PI objectives.
import { useCallback, useMemo, useState } from "react";
import type { Backend } from "../../backend/backend";
import type { MapChange } from "../../bindings/MapChange";
import type { MapEdit } from "../../bindings/MapEdit";
import type { MapView } from "../../bindings/MapView";
import type { ShortcutId } from "../../model/shortcuts";
import type { NewToast } from "../../state/store";
import { cardSelector } from "../selectors";
import { focusedItem } from "../useMapKeys";
import { BacklogScreen } from "./BacklogScreen";
import { DorSettingsDialog } from "./DorSettingsDialog";
import { ObjectivesDialog } from "./ObjectivesDialog";
import { PersonasDialog } from "../personas/PersonasDialog";
import { StoryPanel } from "./StoryPanel";
import { ViewSwitch, type AppView } from "./ViewSwitch";

interface OpenPanel {
  storyId: string;
  /** Shown instead when the story leaves the map (the original again, once a split is undone). */
  fallbackId: string | null;
  /** Where focus goes back to when the panel closes. */
  opener: HTMLElement | null;
}

function rowSelector(storyId: string): string {
  return `[data-testid="backlog-row"][data-story-id="${storyId.replace(/["\\]/g, "\\$&")}"] [data-testid="backlog-open"]`;
}

export function useRefineScreens(
  backend: Backend,
  view: MapView | null,
  send: (edit: MapEdit) => Promise<MapChange | null>,
  onToast: (toast: NewToast) => void,
) {
  const [mode, setMode] = useState<AppView>("map");
  const [open, setOpen] = useState<OpenPanel | null>(null);
  const [settingsOpen, setSettingsOpen] = useState(false);
  const [objectivesOpen, setObjectivesOpen] = useState(false);
  const [personasOpen, setPersonasOpen] = useState(false);
  const openPersonas = useCallback(() => {
    setPersonasOpen(true);
  }, []);

  const openStory = useCallback((storyId: string, fallbackId: string | null = null) => {
    const active = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    setOpen((current) => ({
      storyId,
      fallbackId,
      // Moving between stories inside the panel keeps the first opener.
      opener: current && active?.closest('[data-testid="story-panel"]') ? current.opener : active,
    }));
  }, []);
  const openFromCard = useCallback((storyId: string) => {
    openStory(storyId);
  }, [openStory]);

  const shown = useMemo(() => {
    if (!open || !view) return null;
    return (
      view.stories.find((story) => story.id === open.storyId) ??
      (open.fallbackId === null ? undefined : view.stories.find((story) => story.id === open.fallbackId)) ??
      null
    );
  }, [open, view]);

  const close = useCallback(() => {
    if (!open) return;
    setOpen(null);
    const storyId = shown?.id ?? open.storyId;
    requestAnimationFrame(() => {
      const target =
        (open.opener?.isConnected && open.opener !== document.body && !open.opener.closest('[data-testid="story-panel"]')
          ? open.opener
          : null) ??
        document.querySelector<HTMLElement>(cardSelector(storyId)) ??
        document.querySelector<HTMLElement>(rowSelector(storyId));
      target?.focus();
    });
  }, [open, shown]);

  const shortcut = useCallback(
    (id: ShortcutId): boolean => {
      if (id === "toggleBacklog") {
        setMode((current) => (current === "map" ? "backlog" : "map"));
        return true;
      }
      if (id === "openStory") {
        const active = document.activeElement;
        const item = focusedItem(active);
        if (item?.kind === "card") {
          openStory(item.storyId);
          return true;
        }
        const row = active?.closest<HTMLElement>('[data-testid="backlog-row"]');
        if (row?.dataset.storyId) {
          openStory(row.dataset.storyId);
          return true;
        }
      }
      return false;
    },
    [openStory],
  );

  const viewSwitch = (
    <ViewSwitch
      mode={mode}
      onMode={setMode}
      onSettings={() => {
        setSettingsOpen(true);
      }}
    />
  );
  const backlog = view && (
    <BacklogScreen
      view={view}
      backend={backend}
      send={send}
      onOpenStory={openStory}
      onToast={onToast}
      openStoryId={shown?.id ?? null}
      onSettings={() => {
        setSettingsOpen(true);
      }}
      onObjectives={() => {
        setObjectivesOpen(true);
      }}
    />
  );
  const panel = view && shown && (
    <StoryPanel
      story={shown}
      view={view}
      backend={backend}
      send={send}
      onClose={close}
      onOpenStory={openStory}
      onDorSettings={() => {
        setSettingsOpen(true);
      }}
      onObjectives={() => {
        setObjectivesOpen(true);
      }}
      onPersonas={openPersonas}
    />
  );
  const dialogs = view && (
    <>
      {settingsOpen && (
        <DorSettingsDialog
          settings={view.settings}
          send={send}
          onClose={() => {
            setSettingsOpen(false);
          }}
        />
      )}
      {objectivesOpen && (
        <ObjectivesDialog
          objectives={view.objectives}
          send={send}
          onClose={() => {
            setObjectivesOpen(false);
          }}
        />
      )}
      {personasOpen && (
        <PersonasDialog
          personas={view.personas}
          send={send}
          onClose={() => {
            setPersonasOpen(false);
          }}
        />
      )}
    </>
  );
  return { mode, shortcut, openStory: openFromCard, openPersonas, viewSwitch, backlog, panel, dialogs };
}
