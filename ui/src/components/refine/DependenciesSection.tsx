//! Dependencies both ways: what this story depends on, which stories need it, a picker to link
//! another story by title, and the core's warnings (open dependencies, blocked ones).
import { useId, useState } from "react";
import type { StoryView } from "../../bindings/StoryView";
import { statusLabel } from "../../model/labels";
import { dependencyCandidates } from "../../model/refinement";
import { CloseIcon } from "../Icons";
import { useStatusNames } from "../statusNames";
import { WarningIcon } from "./RefineIcons";
import { PanelSection } from "./StoryBasics";
import type { SendEdit } from "./send";

type Direction = "dependsOn" | "neededBy";

function LinkedList({
  title,
  ids,
  byId,
  onOpen,
  onRemove,
  empty,
  testId,
}: {
  title: string;
  ids: readonly string[];
  byId: ReadonlyMap<string, StoryView>;
  onOpen: (id: string) => void;
  onRemove: (id: string) => void;
  empty: string;
  testId: string;
}) {
  const names = useStatusNames();
  return (
    <div className="linked">
      <h4>{title}</h4>
      {ids.length === 0 ? (
        <p className="field-help">{empty}</p>
      ) : (
        <ul className="linked-list">
          {ids.map((id) => {
            const other = byId.get(id);
            return (
              <li key={id} className="linked-item" data-testid={testId} data-story-id={id}>
                <button type="button" className="link-button" onClick={() => { onOpen(id); }} disabled={!other}>
                  {other?.title ?? "A story no longer on the map"}
                </button>
                {other && <span className={`status-pill is-${other.status}`}>{statusLabel(other.status, names)}</span>}
                <button type="button" className="chip-remove" aria-label={`Unlink '${other?.title ?? id}'`} onClick={() => { onRemove(id); }}>
                  <CloseIcon size={12} />
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}

export function DependenciesSection({
  story,
  stories,
  send,
  onOpenStory,
}: {
  story: StoryView;
  stories: readonly StoryView[];
  send: SendEdit;
  onOpenStory: (id: string) => void;
}) {
  const [query, setQuery] = useState("");
  const [direction, setDirection] = useState<Direction>("dependsOn");
  const listId = useId();
  const byId = new Map(stories.map((other) => [other.id, other]));
  const dependents = story.refinement.dependents;
  const linked = direction === "dependsOn" ? story.dependsOn : dependents;
  const candidates = query.trim() === "" ? [] : dependencyCandidates(stories, story, linked, query);
  const link = (otherId: string, on: boolean, how: Direction) => {
    void send(
      how === "dependsOn"
        ? { kind: "setDependency", storyId: story.id, dependsOn: otherId, on }
        : { kind: "setDependency", storyId: otherId, dependsOn: story.id, on },
    );
  };
  return (
    <PanelSection title="Dependencies">
      {story.refinement.dependencyWarnings.length > 0 && (
        <ul className="warnings" data-testid="dependency-warnings">
          {story.refinement.dependencyWarnings.map((warning) => (
            <li key={warning}>
              <WarningIcon size={14} />
              {warning}
            </li>
          ))}
        </ul>
      )}
      <div className="linked-columns">
        <LinkedList
          title="Depends on"
          ids={story.dependsOn}
          byId={byId}
          onOpen={onOpenStory}
          onRemove={(id) => { link(id, false, "dependsOn"); }}
          empty="Nothing: it can start on its own."
          testId="depends-on"
        />
        <LinkedList
          title="Needed by"
          ids={dependents}
          byId={byId}
          onOpen={onOpenStory}
          onRemove={(id) => { link(id, false, "neededBy"); }}
          empty="No story waits for it."
          testId="needed-by"
        />
      </div>
      <div className="dependency-picker">
        <select
          className="field-select"
          aria-label="Link as"
          value={direction}
          onChange={(event) => { setDirection(event.target.value as Direction); }}
        >
          <option value="dependsOn">It depends on…</option>
          <option value="neededBy">It is needed by…</option>
        </select>
        <div className="picker">
          <input
            type="search"
            className="field-input"
            data-testid="dependency-search"
            aria-label="Find a story by title"
            // The results list exists only while something is typed.
            aria-controls={query.trim() === "" ? undefined : listId}
            placeholder="Find a story by title"
            value={query}
            onChange={(event) => { setQuery(event.target.value); }}
            onKeyDown={(event) => {
              const first = candidates[0];
              if (event.key === "Enter" && first) {
                event.preventDefault();
                link(first.id, true, direction);
                setQuery("");
              }
            }}
          />
          {query.trim() !== "" && (
            <ul className="picker-results" id={listId} aria-label="Matching stories">
              {candidates.length === 0 && <li className="field-help">No other story matches.</li>}
              {candidates.map((other) => (
                <li key={other.id}>
                  <button
                    type="button"
                    className="picker-option"
                    data-testid="dependency-option"
                    data-story-id={other.id}
                    onClick={() => {
                      link(other.id, true, direction);
                      setQuery("");
                    }}
                  >
                    {other.title}
                  </button>
                </li>
              ))}
            </ul>
          )}
        </div>
      </div>
    </PanelSection>
  );
}
