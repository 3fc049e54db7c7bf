//! The open session as last read from Rust, with when it was read (the clocks run on from there).
import { createContext } from "react";
import type { MapChange } from "../../bindings/MapChange";
import type { MapEdit } from "../../bindings/MapEdit";
import type { SessionView } from "../../bindings/SessionView";

export interface LiveSession {
  session: SessionView;
  /** `Date.now()` when it was read: the story being discussed keeps counting from here. */
  readAt: number;
}

/** Sends a session edit through the store's queue and takes the session it answers. */
export type SendSessionEdit = (edit: MapEdit) => Promise<MapChange | null>;

/** The edits a session view sends always name the session; this builds them. */
export type SessionEditOf<K extends MapEdit["kind"]> = Omit<Extract<MapEdit, { kind: K }>, "sessionId">;

export const LiveSessionContext = createContext<LiveSession | null>(null);
