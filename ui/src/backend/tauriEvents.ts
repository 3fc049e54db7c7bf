//! A subscription to the events the Rust side pushes to the window (names and payloads are
//! generated in `bindings/events.ts`), one that can be cancelled before Tauri has finished
//! registering it.
import { listen } from "@tauri-apps/api/event";
import type { AppEvents } from "../bindings/events";
import type { Unsubscribe } from "./backend";

/** Calls `listener` with each payload of `event` until the returned function is called. */
export function subscribe<E extends keyof AppEvents>(event: E, listener: (payload: AppEvents[E]) => void): Unsubscribe {
  let stopped = false;
  let unlisten: (() => void) | null = null;
  listen<AppEvents[E]>(event, ({ payload }) => {
    if (!stopped) listener(payload);
  }).then(
    (stop) => {
      if (stopped) stop();
      else unlisten = stop;
    },
    (error: unknown) => {
      console.error(`Could not listen to ${event}`, error);
    },
  );
  return () => {
    if (stopped) return;
    stopped = true;
    unlisten?.();
  };
}
