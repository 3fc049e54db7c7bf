//! "What changed": a drawer listing, from the start the person chose (last sync, last opening,
//! a date), each story's changes as the backend tells them, then the map's own. Clicking a
//! story shows it on the map with its details.
import { useEffect, useRef } from "react";
import type { Backend } from "../../backend/backend";
import type { ChangeEntryView } from "../../bindings/ChangeEntryView";
import type { ChangesSince } from "../../bindings/ChangesSince";
import type { ChangesView } from "../../bindings/ChangesView";
import type { StoryChangesView } from "../../bindings/StoryChangesView";
import { countLabel } from "../../model/labels";
import { CloseIcon } from "../Icons";
import { EntryMeta, useMinute } from "./EntryMeta";
import { HistoryIcon } from "./HistoryIcons";
import { SinceChoice } from "./SinceChoice";
import { useChanges } from "./useChanges";

export interface ChangesPanelProps {
  backend: Backend;
  mapId: string;
  since: ChangesSince;
  onSince: (since: ChangesSince) => void;
  /** Changes whenever the shown map does, to read the list again. */
  revision: unknown;
  onOpenStory: (storyId: string) => void;
  onViewEarlier: () => void;
  onClose: () => void;
}

/** "Nothing changed since your last sync", from the backend's "Since your last sync". */
function nothingSince(sinceLabel: string): string {
  return /^since\b/i.test(sinceLabel) ? `Nothing changed ${sinceLabel.charAt(0).toLowerCase()}${sinceLabel.slice(1)}` : `Nothing changed — ${sinceLabel}`;
}

export function ChangesPanel({ backend, mapId, since, onSince, revision, onOpenStory, onViewEarlier, onClose }: ChangesPanelProps) {
  const result = useChanges(backend, mapId, since, revision);
  const panel = useRef<HTMLElement | null>(null);
  useEffect(() => {
    panel.current?.querySelector<HTMLElement>("[data-panel-focus]")?.focus();
  }, []);

  return (
    <aside
      ref={panel}
      className="side-drawer changes-panel"
      data-testid="changes-panel"
      role="dialog"
      aria-modal="false"
      aria-label="What changed"
      onKeyDown={(event) => {
        // The map's single-key shortcuts must not act behind the drawer.
        event.stopPropagation();
        if (event.key === "Escape") {
          event.preventDefault();
          onClose();
        }
      }}
    >
      <header className="drawer-head">
        <div className="drawer-head-row">
          <HistoryIcon size={20} className="drawer-head-icon" />
          <h2 className="drawer-title">What changed</h2>
          <button type="button" className="secondary-button is-small" data-testid="view-earlier" onClick={onViewEarlier}>
            View an earlier version…
          </button>
          <button
            type="button"
            className="icon-button"
            data-testid="changes-close"
            data-panel-focus
            aria-label="Close what changed (Esc)"
            title="Close (Esc)"
            onClick={onClose}
          >
            <CloseIcon size={18} />
          </button>
        </div>
        <SinceChoice since={since} onSince={onSince} />
      </header>
      <div className="drawer-body" aria-busy={result.kind === "loading"}>
        {result.kind === "loading" && (
          <p className="drawer-state" role="status" data-testid="changes-loading">
            <span className="spinner is-small" aria-hidden="true" /> Reading the map’s history…
          </p>
        )}
        {result.kind === "message" && (
          <p className={`drawer-state is-${result.tone}`} data-testid="changes-message" role={result.tone === "error" ? "alert" : "status"}>
            {result.text}
          </p>
        )}
        {result.kind === "shown" && <ChangesList view={result.view} onOpenStory={onOpenStory} />}
      </div>
    </aside>
  );
}

function ChangesList({ view, onOpenStory }: { view: ChangesView; onOpenStory: (storyId: string) => void }) {
  const now = useMinute();
  if (view.changeCount === 0 && view.stories.length === 0 && view.mapEntries.length === 0) {
    return (
      <div className="drawer-empty" data-testid="changes-empty">
        <p className="drawer-empty-title">{nothingSince(view.sinceLabel)}</p>
        <p className="drawer-empty-note">Changes you and your teammates make show up here.</p>
      </div>
    );
  }
  const by = view.authors.length > 0 ? ` by ${view.authors.join(", ")}` : "";
  return (
    <>
      <div className="changes-summary" data-testid="changes-summary">
        <p className="changes-count">
          {countLabel(view.changeCount, "change", "changes")}
          {by}
        </p>
        <p className="changes-since-label">{view.sinceLabel}</p>
        {view.mentionCount > 0 && (
          <p className="changes-mentions" data-testid="changes-mentions">
            <span className="mention-dot" aria-hidden="true">@</span>
            {countLabel(view.mentionCount, "comment mentions you", "comments mention you")}
          </p>
        )}
      </div>
      <ul className="changes-groups">
        {view.stories.map((story) => (
          <StoryGroup key={story.storyId} story={story} now={now} onOpenStory={onOpenStory} />
        ))}
        {view.mapEntries.length > 0 && (
          <li className="changes-group is-map" data-testid="changes-map">
            <div className="changes-group-head">
              <span className="changes-group-title">Map</span>
              <span className="changes-group-note">Backbone, slices and settings</span>
            </div>
            <Entries entries={view.mapEntries} now={now} />
          </li>
        )}
      </ul>
    </>
  );
}

function StoryGroup({ story, now, onOpenStory }: { story: StoryChangesView; now: Date; onOpenStory: (storyId: string) => void }) {
  const title = (
    <>
      <span className="changes-group-title">{story.title}</span>
      {story.removed && (
        <span className="removed-badge" data-testid="removed-badge">
          Removed
        </span>
      )}
    </>
  );
  return (
    <li className={story.removed ? "changes-group is-removed" : "changes-group"} data-testid="changes-story" data-story-id={story.storyId}>
      {story.removed ? (
        <div className="changes-group-head">{title}</div>
      ) : (
        <button
          type="button"
          className="changes-group-head is-link"
          data-testid="changes-story-open"
          title="Show it on the map"
          onClick={() => {
            onOpenStory(story.storyId);
          }}
        >
          {title}
        </button>
      )}
      <Entries entries={story.entries} now={now} />
    </li>
  );
}

function Entries({ entries, now }: { entries: readonly ChangeEntryView[]; now: Date }) {
  return (
    <ul className="change-entries">
      {entries.map((entry, index) => (
        <li
          key={`${entry.hash}:${index.toString()}`}
          className={`change-entry is-${entry.kind}${entry.mentionsYou ? " is-for-me" : ""}`}
          data-testid="change-entry"
        >
          <span className="change-entry-text">{entry.summary}</span>
          {entry.mentionsYou && (
            <span className="comment-for-me" data-testid="entry-mentions-you">
              mentions you
            </span>
          )}
          <EntryMeta author={entry.author} at={entry.at} now={now} />
        </li>
      ))}
    </ul>
  );
}
