//! Presentation mode: the map on the wall, full screen, high contrast and large, with every bit
//! of app chrome hidden. One story, one slice or one activity at a time; arrows, Space and
//! PageDown move on, T switches light and dark, W shows the WSJF heat, E opens the story's details, Esc leaves.
import { useEffect, useMemo, useRef, useState } from "react";
import type { Backend } from "../../backend/backend";
import type { MapView } from "../../bindings/MapView";
import { isTypingTarget } from "../../model/shortcuts";
import { CloseIcon } from "../Icons";
import type { LiveSession, SendSessionEdit } from "./liveSession";
import { PresentedColumns } from "./PresentedColumns";
import { PresentedHealth } from "./PresentedHealth";
import { PresentedStory } from "./PresentedStory";
import { WsjfHeatLegend } from "../refine/WsjfHeat";
import { SessionBar } from "./SessionBar";
import { usePresentation, type FocusKind } from "./usePresentation";

export interface PresentationProps {
  backend: Backend;
  view: MapView;
  live: LiveSession | null;
  send: SendSessionEdit;
  onEdit: (storyId: string) => void;
  onExit: () => void;
}

const NEXT_KEYS = new Set(["ArrowRight", "ArrowDown", " ", "PageDown"]);
const PREVIOUS_KEYS = new Set(["ArrowLeft", "ArrowUp", "PageUp"]);
const KIND_KEYS: Record<string, FocusKind> = { "1": "story", "2": "slice", "3": "activity" };
const KINDS: Array<{ kind: FocusKind; label: string; key: string }> = [
  { kind: "story", label: "Story", key: "1" },
  { kind: "slice", label: "Slice", key: "2" },
  { kind: "activity", label: "Activity", key: "3" },
];

export function Presentation({ backend, view, live, send, onEdit, onExit }: PresentationProps) {
  const session = live?.session ?? null;
  const presenting = usePresentation(backend, view, session);
  const { place, shown, theme, position } = presenting;
  // Not kept: the wall opens plain, like the map's overlay.
  const [heat, setHeat] = useState(false);
  const root = useRef<HTMLDivElement | null>(null);
  const latest = useRef({ presenting, onEdit, onExit });
  useEffect(() => {
    latest.current = { presenting, onEdit, onExit };
  });

  // Full screen where the webview allows it; leaving full screen (the system's Esc) leaves too.
  useEffect(() => {
    const element = document.documentElement;
    let entered = false;
    if ("requestFullscreen" in element && document.fullscreenElement === null) {
      element.requestFullscreen().then(
        () => {
          entered = true;
        },
        () => undefined, // Not allowed here: the view still fills the window.
      );
    }
    const onChange = () => {
      if (entered && document.fullscreenElement === null) latest.current.onExit();
    };
    document.addEventListener("fullscreenchange", onChange);
    root.current?.focus();
    return () => {
      document.removeEventListener("fullscreenchange", onChange);
      if (entered && document.fullscreenElement !== null) void document.exitFullscreen().catch(() => undefined);
    };
  }, []);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || isTypingTarget(event.target) || event.ctrlKey || event.metaKey || event.altKey) return;
      if (document.querySelector('[aria-modal="true"]')) return;
      const { presenting: now, onEdit: edit, onExit: exit } = latest.current;
      const key = event.key.length === 1 ? event.key.toLowerCase() : event.key;
      const kind = KIND_KEYS[key];
      if (key === "Escape" || key === "F5") exit();
      else if (NEXT_KEYS.has(key)) now.move(1);
      else if (PREVIOUS_KEYS.has(key)) now.move(-1);
      else if (key === "t") now.toggleTheme();
      else if (key === "w") setHeat((on) => !on);
      else if (key === "e" && now.place.storyId !== null) edit(now.place.storyId);
      else if (kind) now.show(kind);
      else return;
      event.preventDefault();
    };
    document.addEventListener("keydown", onKeyDown);
    return () => {
      document.removeEventListener("keydown", onKeyDown);
    };
  }, []);

  const storiesById = useMemo(() => new Map(view.stories.map((story) => [story.id, story])), [view.stories]);
  const showsCards = shown.kind === "shown" && !shown.view.story && place.kind !== "story";
  const names = new Map(session?.participants.map((participant) => [participant.id, participant.name]) ?? []);
  const round = session?.rounds.filter((candidate) => candidate.storyId === place.storyId).at(-1) ?? null;
  return (
    <div ref={root} className={`presentation is-${theme}${heat ? " has-heat" : ""}`} data-testid="presentation" data-focus={place.kind} data-theme={theme} tabIndex={-1} role="region" aria-label="Presentation">
      <header className="presentation-head">
        <span className="presentation-position" data-testid="presentation-position">
          {position && position.index >= 0 ? `${(position.index + 1).toString()} / ${position.total.toString()}` : view.map.name}
        </span>
        <PresentedHealth backend={backend} view={view} releaseId={place.kind === "slice" ? place.releaseId : null} />
        <div className="presentation-tools">
          <div className="presentation-kinds" role="group" aria-label="Show">
            {KINDS.map((item) => (
              <button key={item.kind} type="button" data-testid="presentation-kind" data-kind={item.kind} aria-pressed={place.kind === item.kind} title={`${item.label} (${item.key})`} onClick={() => { presenting.show(item.kind); }}>
                {item.label}
              </button>
            ))}
          </div>
          <button type="button" data-testid="presentation-heat" aria-pressed={heat} title="WSJF heat on the cards (W)" onClick={() => { setHeat((on) => !on); }}>
            WSJF
          </button>
          <button type="button" data-testid="presentation-theme" title="Light or dark (T)" onClick={presenting.toggleTheme}>
            {theme === "light" ? "Dark" : "Light"}
          </button>
          {place.storyId !== null && (
            <button type="button" data-testid="presentation-edit" title="Edit this story (E)" onClick={() => { if (place.storyId !== null) onEdit(place.storyId); }}>
              Edit
            </button>
          )}
          <button type="button" className="presentation-exit" data-testid="presentation-exit" aria-label="Leave the presentation (Esc)" title="Leave (Esc)" onClick={onExit}>
            <CloseIcon size={18} />
          </button>
        </div>
      </header>
      <main className="presentation-body">
        {shown.kind === "loading" && <p className="presented-missing">…</p>}
        {shown.kind === "failed" && <p className="presented-missing" role="alert">{shown.message}</p>}
        {shown.kind === "empty" && <p className="presented-missing">Nothing to show yet: add a story to the map.</p>}
        {shown.kind === "shown" && shown.view.story && (
          <PresentedStory story={shown.view.story} refined={view.stories.find((story) => story.id === shown.view.story?.id) ?? null} round={round} names={names} />
        )}
        {shown.kind === "shown" && !shown.view.story && place.kind !== "story" && (
          <PresentedColumns shown={shown.view} kind={place.kind} currentId={place.storyId} onOpen={presenting.openStory} storyOf={(id) => storiesById.get(id)} />
        )}
      </main>
      {heat && showsCards && <WsjfHeatLegend scored={view.stories.filter((story) => story.refinement.wsjf !== null).length} total={view.stories.length} />}
      {live && <SessionBar session={live.session} readAt={live.readAt} send={send} />}
      <p className="presentation-keys" aria-hidden="true">← → move · 1 2 3 story, slice, activity · T theme · W WSJF heat · E edit · Esc leave</p>
    </div>
  );
}
