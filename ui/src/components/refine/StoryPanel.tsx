//! The story details: a side panel over the map (or the backlog) to refine one story. Text
//! saves on blur or Enter; every other control sends its edit at once. Esc closes it.
import { useEffect, useMemo, useRef, useState } from "react";
import type { Backend } from "../../backend/backend";
import type { MapView } from "../../bindings/MapView";
import type { StoryView } from "../../bindings/StoryView";
import { matchShortcut } from "../../model/shortcuts";
import { mapLabels } from "../../model/refinement";
import { StoryHistorySection } from "../history/StoryHistorySection";
import { CheckIcon, CloseIcon } from "../Icons";
import { useLoaded } from "../useLoaded";
import { BlockersSection } from "./BlockersSection";
import { CommentsSection } from "./CommentsSection";
import { CriteriaSection } from "./CriteriaSection";
import { CrossTeamSection } from "./CrossTeamSection";
import { DependenciesSection } from "./DependenciesSection";
import { EstimateSection, WsjfSection } from "./EstimateSection";
import { FlagsSection } from "./FlagsSection";
import { LinksSection } from "./LinksSection";
import { DorSection, InvestSection, TooBigFlag } from "./ReadinessSection";
import { SplitIcon } from "./RefineIcons";
import type { SendEdit } from "./send";
import { SplitDialog } from "./SplitDialog";
import { ObjectiveSelect } from "./ObjectiveSelect";
import { personaById } from "../personas/PersonaChip";
import { PersonaSelect } from "../personas/PersonaSelect";
import { NarrativeSection, NotesSection, StatusSelect } from "./StoryBasics";
import { TextField } from "./TextField";

export interface StoryPanelProps {
  story: StoryView;
  view: MapView;
  backend: Backend;
  send: SendEdit;
  onClose: () => void;
  /** Shows another story; `fallbackId` is shown instead once that one leaves the map. */
  onOpenStory: (storyId: string, fallbackId?: string | null) => void;
  onDorSettings: () => void;
  /** Opens the map's PI objectives. */
  onObjectives: () => void;
  /** Opens the map's personas. */
  onPersonas: () => void;
}

/** Keys that still act on the app while focus is in the panel. */
const APP_KEYS = new Set(["undo", "redo", "help", "toggleBacklog"]);

export function StoryPanel({ story, view, backend, send, onClose, onOpenStory, onDorSettings, onObjectives, onPersonas }: StoryPanelProps) {
  const panel = useRef<HTMLElement | null>(null);
  const [splitting, setSplitting] = useState(false);
  // Who I am here: my comments can be edited, and mentions of me are flagged.
  const loadSettings = useMemo(() => () => backend.syncSettings(view.map.id), [backend, view.map.id]);
  const settings = useLoaded(loadSettings);
  const me = settings.kind === "shown" ? settings.value.displayName : null;
  const known = useMemo(() => mapLabels(view.stories), [view.stories]);
  const where = useMemo(() => {
    const step = view.activities.flatMap((activity) => activity.steps).find((candidate) => candidate.id === story.stepId);
    const slice = view.releases.find((release) => release.id === story.releaseId);
    return `${step?.title ?? "?"} › ${slice?.title ?? "?"}`;
  }, [view.activities, view.releases, story.stepId, story.releaseId]);
  const activityPersona = personaById(view.personas, view.activities.find((a) => a.id === story.activityId)?.personaId);

  // Focus moves into the panel when it opens on a story.
  useEffect(() => {
    panel.current?.querySelector<HTMLElement>("[data-panel-focus]")?.focus();
  }, [story.id]);

  const openSplit = () => {
    setSplitting(true);
  };
  const r = story.refinement;
  return (
    <aside
      ref={panel}
      className="story-panel"
      data-testid="story-panel"
      data-story-id={story.id}
      role="dialog"
      aria-modal="false"
      aria-label={`Story details: ${story.title}`}
      onKeyDown={(event) => {
        if (event.key === "Escape" && !event.defaultPrevented) {
          event.preventDefault();
          event.stopPropagation();
          onClose();
          return;
        }
        // Map shortcuts (N, Delete, arrows…) must not act on the map behind the panel.
        const shortcut = matchShortcut(event);
        if (!shortcut || !APP_KEYS.has(shortcut.id)) event.stopPropagation();
      }}
    >
      <header className="panel-head">
        <div className="panel-head-row">
          <span className={r.ready ? "panel-ready is-ready" : "panel-ready"} data-testid="panel-ready">
            {r.ready ? (
              <>
                <CheckIcon size={14} /> Ready
              </>
            ) : (
              "Not ready yet"
            )}
          </span>
          <span className="panel-where">{where}</span>
          <button
            type="button"
            className="secondary-button panel-split"
            data-testid="split-button"
            onClick={openSplit}
            title="Split into smaller stories"
          >
            <SplitIcon size={16} /> Split…
          </button>
          <button
            type="button"
            className="icon-button"
            data-testid="panel-close"
            data-panel-focus
            aria-label="Close the story details (Esc)"
            title="Close (Esc)"
            onClick={onClose}
          >
            <CloseIcon size={18} />
          </button>
        </div>
        <TextField
          key={story.id}
          label="Title"
          showLabel={false}
          testId="panel-title"
          value={story.title}
          required
          multiline
          rows={2}
          className="panel-title"
          onCommit={(title) => {
            void send({ kind: "renameStory", storyId: story.id, title });
          }}
        />
        {story.splitFromTitle !== null && (
          <p className="lineage" data-testid="lineage">
            <SplitIcon size={14} /> Split from ‘{story.splitFromTitle}’
          </p>
        )}
        <div className="panel-quick">
          <label className="field is-row">
            <span className="field-label">Status</span>
            <StatusSelect story={story} send={send} testId="panel-status" />
          </label>
          <ObjectiveSelect story={story} objectives={view.objectives} send={send} onManage={onObjectives} />
          <PersonaSelect story={story} personas={view.personas} activityPersona={activityPersona} send={send} onManage={onPersonas} />
        </div>
        {r.tooBigOrVague && <TooBigFlag onSplit={openSplit} />}
      </header>
      <div className="panel-body" key={story.id}>
        <FlagsSection story={story} send={send} />
        <NarrativeSection story={story} send={send} personas={view.personas} />
        <CriteriaSection story={story} send={send} />
        <EstimateSection story={story} send={send} />
        <DorSection story={story} send={send} onSettings={onDorSettings} />
        <InvestSection story={story} />
        <BlockersSection story={story} send={send} />
        <DependenciesSection story={story} stories={view.stories} send={send} onOpenStory={onOpenStory} />
        <CrossTeamSection story={story} releases={view.releases} send={send} />
        <WsjfSection story={story} send={send} />
        <NotesSection story={story} send={send} known={known} />
        <LinksSection
          story={story}
          send={send}
          onOpen={(url) => {
            void backend.openLink(url);
          }}
        />
        <CommentsSection story={story} me={me} send={send} />
        <StoryHistorySection story={story} mapId={view.map.id} backend={backend} send={send} />
      </div>
      {splitting && (
        <SplitDialog
          story={story}
          backend={backend}
          onCancel={() => {
            setSplitting(false);
          }}
          onConfirm={(children) => {
            setSplitting(false);
            void send({ kind: "splitStory", storyId: story.id, children }).then((change) => {
              // The first child; if the split is undone, the original comes back in its place.
              if (change?.createdId) onOpenStory(change.createdId, story.id);
            });
          }}
        />
      )}
    </aside>
  );
}
