//! One backend read shown in a panel or dialog: loading, failed with its message, or shown.
import { useEffect, useState } from "react";
import { errorMessage } from "../model/errors";

export type Loaded<T> = { kind: "loading" } | { kind: "failed"; message: string } | { kind: "shown"; value: T };

/**
 * Runs `load` and tracks its answer; again whenever `load` (pass a memoised function) or
 * `reloadKey` changes, keeping the last answer on screen meanwhile. An answer that arrives
 * after the component moved on is dropped. `null`: nothing to load yet.
 */
export function useLoaded<T>(load: (() => Promise<T>) | null, reloadKey: unknown = null): Loaded<T> {
  const [loaded, setLoaded] = useState<Loaded<T>>({ kind: "loading" });
  useEffect(() => {
    if (load === null) return;
    let current = true;
    load().then(
      (value) => {
        if (current) setLoaded({ kind: "shown", value });
      },
      (failure: unknown) => {
        if (current) setLoaded({ kind: "failed", message: errorMessage(failure) });
      },
    );
    return () => {
      current = false;
    };
  }, [load, reloadKey]);
  return loaded;
}

/** The loading and failed states of a read, as every panel shows them; nothing once shown. */
export function LoadState({ loaded, loading }: { loaded: Loaded<unknown>; loading: string }) {
  if (loaded.kind === "loading") {
    return (
      <p className="drawer-state" role="status">
        <span className="spinner is-small" aria-hidden="true" /> {loading}
      </p>
    );
  }
  if (loaded.kind === "failed") {
    return (
      <p className="drawer-state is-error" role="alert">
        {loaded.message}
      </p>
    );
  }
  return null;
}
