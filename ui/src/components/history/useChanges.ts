//! Loads "what changed" for the open map from where the person chose, again whenever the map
//! changes while the panel is open. A refusal (never synced) is a message to show, not an error.
import { useEffect, useState } from "react";
import type { Backend } from "../../backend/backend";
import type { ChangesSince } from "../../bindings/ChangesSince";
import type { ChangesView } from "../../bindings/ChangesView";
import { errorMessage, isApiError } from "../../model/errors";

export type ChangesResult =
  | { kind: "loading" }
  /** The backend's reason there is nothing to show from there ("not synced before"). */
  | { kind: "message"; text: string; tone: "info" | "error" }
  | { kind: "shown"; view: ChangesView };

/** `revision` changes whenever the shown map does: the list is read again, keeping the old one meanwhile. */
export function useChanges(backend: Backend, mapId: string, since: ChangesSince, revision: unknown): ChangesResult {
  // The start as a string, so a new object for the same start does not ask again.
  const sinceJson = JSON.stringify(since);
  const key = `${mapId}|${sinceJson}`;
  const [result, setResult] = useState<{ key: string; value: ChangesResult } | null>(null);

  useEffect(() => {
    let current = true;
    backend.changesSince(mapId, JSON.parse(sinceJson) as ChangesSince).then(
      (view) => {
        if (current) setResult({ key, value: { kind: "shown", view } });
      },
      (error: unknown) => {
        if (!current) return;
        const info = isApiError(error) && error.code === "invalidInput";
        setResult({ key, value: { kind: "message", text: info ? error.message : errorMessage(error), tone: info ? "info" : "error" } });
      },
    );
    return () => {
      current = false;
    };
  }, [backend, mapId, key, sinceJson, revision]);

  return result?.key === key ? result.value : { kind: "loading" };
}
