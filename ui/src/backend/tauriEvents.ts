//! The events the Rust side pushes to the window, by their one spelling, and a subscription
//! that can be cancelled before Tauri has finished registering it.
import { listen } from "@tauri-apps/api/event";
import type { RemoteChange } from "../bindings/RemoteChange";
import type { SyncStatus } from "../bindings/SyncStatus";
import type { Unsubscribe } from "./backend";

/** Each event the Rust side emits, with its payload. */
interface EventPayloads {
  "sync-status": SyncStatus;
  "remote-change": RemoteChange;
  "maps-changed": null;
}

/** Calls `listener` with each payload of `event` until the returned function is called. */
export function subscribe<E extends keyof EventPayloads>(event: E, listener: (payload: EventPayloads[E]) => void): Unsubscribe {
  let stopped = false;
  let unlisten: (() => void) | null = null;
  listen<EventPayloads[E]>(event, ({ payload }) => {
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
