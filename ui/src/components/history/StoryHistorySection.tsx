//! The story's history in its details panel: collapsed at first, read when opened, each change
//! with who and when, and a way to restore the story as it was right after that change (asked
//! first; the restore is an undoable edit).
import { useCallback, useState } from "react";
import type { Backend } from "../../backend/backend";
import type { ChangeEntryView } from "../../bindings/ChangeEntryView";
import type { StoryView } from "../../bindings/StoryView";
import { formatMoment } from "../../model/time";
import { ChevronDownIcon, ChevronRightIcon } from "../Icons";
import type { SendEdit } from "../refine/send";
import { LoadState, useLoaded } from "../useLoaded";
import { EntryMeta, useMinute } from "./EntryMeta";
import { RestoreIcon } from "./HistoryIcons";

export interface StoryHistorySectionProps {
  story: StoryView;
  mapId: string;
  backend: Backend;
  send: SendEdit;
}

export function StoryHistorySection({ story, mapId, backend, send }: StoryHistorySectionProps) {
  const [open, setOpen] = useState(false);
  const [asking, setAsking] = useState<ChangeEntryView | null>(null);
  // Read again after each change to the story (its own restore included) while open.
  const [revision, setRevision] = useState(0);
  const now = useMinute();
  const readTimeline = useCallback(() => backend.storyTimeline(mapId, story.id), [backend, mapId, story]);
  const timeline = useLoaded(open ? readTimeline : null, revision);

  const restore = async (entry: ChangeEntryView) => {
    setAsking(null);
    await send({ kind: "restoreStory", storyId: story.id, at: entry.hash });
    setRevision((count) => count + 1);
  };

  return (
    <section className="panel-section story-history" data-testid="story-history" data-open={open ? "true" : "false"}>
      <button
        type="button"
        className="panel-section-toggle"
        data-testid="story-history-toggle"
        aria-expanded={open}
        onClick={() => {
          setOpen((shown) => !shown);
        }}
      >
        {open ? <ChevronDownIcon size={16} /> : <ChevronRightIcon size={16} />}
        <h3>History</h3>
        {!open && <span className="section-count">Who changed what, and restoring</span>}
      </button>
      {open && <LoadState loaded={timeline} loading="Reading the story’s history…" />}
      {open && timeline.kind === "shown" && timeline.value.length === 0 && (
        <p className="field-help">No changes recorded yet.</p>
      )}
      {open && timeline.kind === "shown" && timeline.value.length > 0 && (
        <ol className="history-entries">
          {timeline.value.map((entry, index) => (
            <li key={`${entry.hash}:${index.toString()}`} className="history-entry" data-testid="history-entry" data-hash={entry.hash}>
              <div className="history-entry-main">
                <span className="change-entry-text">{entry.summary}</span>
                <EntryMeta author={entry.author} at={entry.at} now={now} />
              </div>
              {asking === entry ? (
                <div className="restore-confirm" role="group" aria-label="Restore this version" data-testid="restore-confirm">
                  <p>
                    Restore ‘{story.title}’ as it was on {formatMoment(entry.at)}? You can undo this.
                  </p>
                  <div className="restore-confirm-actions">
                    <button
                      type="button"
                      className="secondary-button is-small"
                      data-testid="restore-cancel"
                      onClick={() => {
                        setAsking(null);
                      }}
                    >
                      Cancel
                    </button>
                    <button
                      type="button"
                      className="primary-button is-compact"
                      data-testid="restore-confirm-button"
                      // The person just asked for this: the confirm takes focus.
                      autoFocus
                      onClick={() => void restore(entry)}
                    >
                      Restore
                    </button>
                  </div>
                </div>
              ) : (
                <button
                  type="button"
                  className="link-button restore-story"
                  data-testid="restore-story"
                  data-hash={entry.hash}
                  title={`Restore the story as it was right after this change (${formatMoment(entry.at, true)})`}
                  onClick={() => {
                    setAsking(entry);
                  }}
                >
                  <RestoreIcon size={14} /> Restore to this point
                </button>
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
