//! Where the projector is: which focus (a story, a slice, an activity), which one of each, and
//! the light or dark theme; and what Rust answers for that focus (never private notes). Moving
//! goes through the session's stories, or the slice's stories when no session is open.
import { useEffect, useState } from "react";
import type { Backend } from "../../backend/backend";
import type { MapView } from "../../bindings/MapView";
import type { PresentationFocus } from "../../bindings/PresentationFocus";
import type { PresentationView } from "../../bindings/PresentationView";
import type { SessionView } from "../../bindings/SessionView";
import { errorMessage } from "../../model/errors";
import { stepIndex } from "../../model/room";

export type FocusKind = PresentationFocus["kind"];
export type Theme = "light" | "dark";

interface Place {
  kind: FocusKind;
  storyId: string | null;
  releaseId: string | null;
  activityId: string | null;
}

/** The stories the arrows move through: the session's (still on the map), else the slice's. */
export function storyOrder(view: MapView, session: SessionView | null, releaseId: string | null): string[] {
  if (session && session.stories.length > 0) return session.stories.filter((story) => story.status !== null).map((story) => story.storyId);
  return view.stories.filter((story) => story.releaseId === releaseId).map((story) => story.id);
}

function startPlace(view: MapView, session: SessionView | null): Place {
  const first = session?.focus ?? session?.stories[0]?.storyId ?? null;
  const story = view.stories.find((candidate) => candidate.id === first);
  if (session && story) return { kind: "story", storyId: story.id, releaseId: story.releaseId, activityId: story.activityId };
  return { kind: "slice", storyId: null, releaseId: view.releases[0]?.id ?? null, activityId: view.activities[0]?.id ?? null };
}

function focusOf(place: Place): PresentationFocus | null {
  if (place.kind === "story") return place.storyId === null ? null : { kind: "story", storyId: place.storyId };
  if (place.kind === "slice") return place.releaseId === null ? null : { kind: "slice", releaseId: place.releaseId };
  return place.activityId === null ? null : { kind: "activity", activityId: place.activityId };
}

export type Shown = { kind: "loading" } | { kind: "shown"; view: PresentationView } | { kind: "failed"; message: string } | { kind: "empty" };

export function usePresentation(backend: Backend, view: MapView, session: SessionView | null) {
  const [place, setPlace] = useState<Place>(() => startPlace(view, session));
  const [theme, setTheme] = useState<Theme>("light");
  const [answer, setAnswer] = useState<{ key: string; shown: Shown } | null>(null);
  // Follow the session: when its focus moves ("Next story"), the wall shows that story.
  const focus = session?.focus ?? null;
  const [followed, setFollowed] = useState(focus);
  if (focus !== followed) {
    setFollowed(focus);
    const story = view.stories.find((candidate) => candidate.id === focus);
    if (story) setPlace({ kind: "story", storyId: story.id, releaseId: story.releaseId, activityId: story.activityId });
  }

  const wanted = focusOf(place);
  const key = JSON.stringify(wanted);
  const mapId = view.map.id;
  useEffect(() => {
    if (key === "null") return;
    let current = true;
    backend.presentation(mapId, JSON.parse(key) as PresentationFocus).then(
      (shown) => {
        if (current) setAnswer({ key, shown: { kind: "shown", view: shown } });
      },
      (error: unknown) => {
        if (current) setAnswer({ key, shown: { kind: "failed", message: errorMessage(error) } });
      },
    );
    return () => {
      current = false;
    };
  }, [backend, mapId, key, view]);

  const order = storyOrder(view, session, place.releaseId);
  const storyAt = (storyId: string | null): Place => {
    const story = view.stories.find((candidate) => candidate.id === storyId);
    return story ? { kind: "story", storyId: story.id, releaseId: story.releaseId, activityId: story.activityId } : place;
  };

  /** One step forward or back in the current focus: stories, slices or activities. */
  const move = (step: number) => {
    if (place.kind === "story") {
      const at = order.indexOf(place.storyId ?? "");
      setPlace(storyAt(order[at < 0 ? 0 : stepIndex(at, step, order.length)] ?? null));
    } else if (place.kind === "slice") {
      const ids = view.releases.map((release) => release.id);
      const at = ids.indexOf(place.releaseId ?? "");
      setPlace({ ...place, releaseId: ids[stepIndex(at, step, ids.length)] ?? null });
    } else {
      const ids = view.activities.map((activity) => activity.id);
      const at = ids.indexOf(place.activityId ?? "");
      setPlace({ ...place, activityId: ids[stepIndex(at, step, ids.length)] ?? null });
    }
  };

  /** Switches the focus kind, keeping to where the current story is. */
  const show = (kind: FocusKind) => {
    if (kind === "story" && place.storyId === null) {
      setPlace(storyAt(storyOrder(view, session, place.releaseId)[0] ?? null));
      return;
    }
    setPlace({ ...place, kind });
  };

  const shown: Shown = wanted === null ? { kind: "empty" } : answer === null ? { kind: "loading" } : answer.shown;
  const position = place.kind === "story" ? { index: order.indexOf(place.storyId ?? ""), total: order.length } : null;
  return {
    place,
    shown,
    theme,
    position,
    move,
    show,
    openStory: (storyId: string) => {
      setPlace(storyAt(storyId));
    },
    toggleTheme: () => {
      setTheme((current) => (current === "light" ? "dark" : "light"));
    },
  };
}
