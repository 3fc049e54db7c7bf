//! The preview of a Jira CSV import, asked again (briefly debounced) whenever the target, its
//! name or the status mapping changes; an answer to an older question is dropped.
import { useEffect, useRef, useState } from "react";
import type { Backend } from "../../backend/backend";
import type { JiraPreviewView } from "../../bindings/JiraPreviewView";
import type { JiraStatusMapping } from "../../bindings/JiraStatusMapping";
import type { JiraTarget } from "../../bindings/JiraTarget";
import { errorMessage } from "../../model/errors";

export type PreviewState =
  | { kind: "loading"; last: JiraPreviewView | null }
  | { kind: "ready"; preview: JiraPreviewView }
  | { kind: "failed"; message: string };

/** Long enough that typing a name asks once, short enough to feel immediate. */
const DEBOUNCE_MS = 200;

export function useJiraPreview(
  backend: Backend,
  path: string,
  target: JiraTarget,
  statusMap: readonly JiraStatusMapping[],
): PreviewState {
  const [state, setState] = useState<PreviewState>({ kind: "loading", last: null });
  const question = JSON.stringify({ path, target, statusMap });
  const [asked, setAsked] = useState(question);
  if (asked !== question) {
    setAsked(question);
    if (state.kind !== "loading") setState({ kind: "loading", last: state.kind === "ready" ? state.preview : null });
  }
  const first = useRef(true);

  useEffect(() => {
    let current = true;
    const request = JSON.parse(question) as { path: string; target: JiraTarget; statusMap: JiraStatusMapping[] };
    const timer = setTimeout(
      () => {
        backend.previewJiraCsvFile(request.path, request.target, request.statusMap).then(
          (preview) => {
            if (current) setState({ kind: "ready", preview });
          },
          (failure: unknown) => {
            if (current) setState({ kind: "failed", message: errorMessage(failure) });
          },
        );
      },
      first.current ? 0 : DEBOUNCE_MS,
    );
    first.current = false;
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [backend, question]);

  return state;
}
