//! What a Jira import would do, as the backend planned it: counts per kind, how each column is
//! read, the warnings by row and column, and the first stories with where they go.
import { useContext } from "react";
import type { JiraCountsView } from "../../bindings/JiraCountsView";
import type { JiraPreviewView } from "../../bindings/JiraPreviewView";
import type { JiraStoryPreview } from "../../bindings/JiraStoryPreview";
import { countLabel, storyCountLabel } from "../../model/labels";
import { WarningIcon } from "../refine/RefineIcons";
import { StatusNamesContext } from "../statusNames";

function breakdown(counts: JiraCountsView, criteriaWord: string): string {
  const parts = [
    counts.activities > 0 && countLabel(counts.activities, "activity", "activities"),
    counts.steps > 0 && countLabel(counts.steps, "step", "steps"),
    counts.slices > 0 && countLabel(counts.slices, "slice", "slices"),
    counts.criteria > 0 && `${countLabel(counts.criteria, "criterion", "criteria")} ${criteriaWord}`,
  ].filter((part): part is string => typeof part === "string");
  return parts.length === 0 ? "Nothing else" : parts.join(" · ");
}

function Counts({ preview }: { preview: JiraPreviewView }) {
  const tiles = [
    { kind: "create", title: "New", count: preview.creates.stories, detail: breakdown(preview.creates, "added") },
    { kind: "update", title: "Updated", count: preview.updates.stories, detail: breakdown(preview.updates, "added or ticked") },
    { kind: "unchanged", title: "Unchanged", count: preview.unchanged, detail: "Already on the map as the file has them" },
  ];
  return (
    <div className="jira-counts" data-testid="jira-counts">
      {tiles.map((tile) => (
        <div key={tile.kind} className={`jira-count is-${tile.kind}`} data-kind={tile.kind} data-count={tile.count}>
          <span className="jira-count-title">{tile.title}</span>
          <span className="jira-count-value">{storyCountLabel(tile.count)}</span>
          <span className="jira-count-detail">{tile.detail}</span>
        </div>
      ))}
      {preview.skippedRows > 0 && (
        <div className="jira-count is-skipped" data-kind="skipped" data-count={preview.skippedRows}>
          <span className="jira-count-title">Skipped</span>
          <span className="jira-count-value">{countLabel(preview.skippedRows, "row", "rows")}</span>
          <span className="jira-count-detail">See the warnings below</span>
        </div>
      )}
    </div>
  );
}

function Columns({ preview }: { preview: JiraPreviewView }) {
  const ignored = preview.columns.filter((column) => column.usedAs === null).length;
  return (
    <details className="exchange-section" open={preview.columns.length <= 12}>
      <summary className="exchange-heading">
        Columns <span className="exchange-heading-note">{preview.columns.length - ignored} read, {ignored} ignored</span>
      </summary>
      <table className="exchange-table jira-columns" data-testid="jira-columns">
        <thead>
          <tr>
            <th scope="col">Column in the file</th>
            <th scope="col">Read as</th>
          </tr>
        </thead>
        <tbody>
          {preview.columns.map((column) => (
            <tr key={column.column} className={column.usedAs === null ? "is-ignored" : undefined} data-used={column.usedAs !== null}>
              <td>
                {column.column}
                {column.count > 1 && <span className="exchange-repeat"> ×{column.count}</span>}
              </td>
              <td>{column.usedAs ?? "Ignored"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}

function Warnings({ preview }: { preview: JiraPreviewView }) {
  if (preview.warnings.length === 0) return null;
  return (
    <section className="exchange-section" aria-label="Warnings">
      <h3 className="exchange-heading">
        Warnings <span className="exchange-heading-note">{preview.warnings.length}</span>
      </h3>
      <ul className="jira-warnings">
        {preview.warnings.map((warning, index) => (
          <li key={index} className="jira-warning" data-testid="jira-warning" data-row={warning.row} data-column={warning.column ?? undefined}>
            <WarningIcon size={14} />
            <span className="jira-warning-where">
              Row {warning.row}
              {warning.column !== null && ` · ${warning.column}`}
            </span>
            <span className="jira-warning-message">{warning.message}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

const ACTION_LABEL: Record<JiraStoryPreview["action"], string> = { create: "New", update: "Update", unchanged: "Same" };

function Stories({ preview }: { preview: JiraPreviewView }) {
  const names = useContext(StatusNamesContext);
  const shown = preview.sampleStories.length;
  return (
    <section className="exchange-section" aria-label="Stories">
      <h3 className="exchange-heading">
        Stories{" "}
        <span className="exchange-heading-note">
          {shown < preview.storyCount ? `the first ${shown.toString()} of ${preview.storyCount.toString()}` : storyCountLabel(shown)}
        </span>
      </h3>
      <table className="exchange-table jira-stories">
        <thead>
          <tr>
            <th scope="col">Key</th>
            <th scope="col">Story</th>
            <th scope="col">Goes to</th>
            <th scope="col">Status</th>
            <th scope="col" className="is-number">Estimate</th>
            <th scope="col" className="is-number">Criteria</th>
            <th scope="col">Action</th>
          </tr>
        </thead>
        <tbody>
          {preview.sampleStories.map((story) => (
            <tr key={story.row} data-testid="jira-story" data-row={story.row} data-action={story.action}>
              <td className="jira-key">{story.jiraKey ?? "—"}</td>
              <td className="jira-title">{story.title}</td>
              <td className="jira-place">
                {story.activity}
                {story.step === null ? (
                  <span className="exchange-muted"> · keeps its place</span>
                ) : (
                  <>
                    {" › "}
                    {story.step}
                    {story.slice !== null && <span className="exchange-muted"> / {story.slice}</span>}
                  </>
                )}
              </td>
              <td>{story.status === null ? <span className="exchange-muted">—</span> : names[story.status]}</td>
              <td className="is-number">{story.estimate ?? <span className="exchange-muted">—</span>}</td>
              <td className="is-number">{story.criteria}</td>
              <td>
                <span className={`jira-action is-${story.action}`}>{ACTION_LABEL[story.action]}</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

export function JiraPreview({ preview, stale }: { preview: JiraPreviewView; stale: boolean }) {
  return (
    <div className={stale ? "jira-preview is-stale" : "jira-preview"} data-testid="jira-preview" aria-busy={stale}>
      <Counts preview={preview} />
      <Warnings preview={preview} />
      <Columns preview={preview} />
      <Stories preview={preview} />
    </div>
  );
}
