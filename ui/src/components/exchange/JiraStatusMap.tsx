//! The optional status mapping of a Jira import: Jira status → our status, one row each.
//! Statuses the preview could not map are offered first, ready to be given a status.
import { useState } from "react";
import type { StatusNames } from "../../model/labels";
import { STATUSES } from "../../model/labels";
import type { StoryStatus } from "../../bindings/StoryStatus";
import { ChevronRightIcon, CloseIcon, PlusIcon } from "../Icons";
import { BLANK_ROW, type StatusRow } from "./statusMapping";

export interface JiraStatusMapProps {
  rows: readonly StatusRow[];
  /** Statuses the preview saw but could not map, not yet in `rows`. */
  suggested: readonly string[];
  names: StatusNames;
  onChange: (rows: StatusRow[]) => void;
}

export function JiraStatusMap({ rows, suggested, names, onChange }: JiraStatusMapProps) {
  // Open by itself while there is something to fill in or already mapped, until the person says otherwise.
  const [open, setOpen] = useState<boolean | null>(null);
  const shown = open ?? (suggested.length > 0 || rows.length > 0);
  // A free row to start from, when there is nothing else to fill in.
  const list = rows.length === 0 && suggested.length === 0 ? [BLANK_ROW] : rows;
  const set = (index: number, part: Partial<StatusRow>) => {
    onChange(list.map((row, at) => (at === index ? { ...row, ...part } : row)));
  };
  const statusSelect = (value: StoryStatus | "", label: string, onPick: (status: StoryStatus | "") => void) => (
    <select
      className="field-select is-compact"
      data-testid="jira-status-choice"
      aria-label={label}
      value={value}
      onChange={(event) => {
        onPick(event.target.value as StoryStatus | "");
      }}
    >
      <option value="">As Storymap reads it</option>
      {STATUSES.map((status) => (
        <option key={status} value={status}>
          {names[status]}
        </option>
      ))}
    </select>
  );

  return (
    <section className="jira-status-map" data-testid="jira-status-map" aria-label="Status mapping">
      <button
        type="button"
        className="exchange-disclosure"
        aria-expanded={shown}
        onClick={() => {
          setOpen(!shown);
        }}
      >
        <ChevronRightIcon size={14} className="exchange-chevron" />
        Status mapping <span className="exchange-optional">optional</span>
        {suggested.length > 0 && <span className="exchange-badge">{suggested.length} to map</span>}
      </button>
      {shown && (
        <div className="jira-status-rows">
          <p className="field-help">How each Jira status reads on the map. The preview follows as you choose.</p>
          {suggested.map((jiraStatus) => (
            <div key={`suggested:${jiraStatus}`} className="jira-status-row is-suggested" data-jira-status={jiraStatus}>
              <span className="jira-status-name">{jiraStatus}</span>
              <span className="jira-status-arrow" aria-hidden="true">→</span>
              {statusSelect("", `Status for Jira's ${jiraStatus}`, (status) => {
                onChange([...rows.filter((row) => row.jiraStatus.trim() !== "" || row.status !== ""), { jiraStatus, status }]);
              })}
              <span className="jira-status-spacer" />
            </div>
          ))}
          {list.map((row, index) => (
            <div key={index} className="jira-status-row">
              <input
                type="text"
                className="field-input is-compact"
                data-testid="jira-status-name"
                aria-label="Jira status"
                placeholder="Jira status, e.g. In QA"
                value={row.jiraStatus}
                onChange={(event) => {
                  set(index, { jiraStatus: event.target.value });
                }}
              />
              <span className="jira-status-arrow" aria-hidden="true">→</span>
              {statusSelect(row.status, `Status for Jira's ${row.jiraStatus || "status"}`, (status) => {
                set(index, { status });
              })}
              <button
                type="button"
                className="icon-button is-small"
                data-testid="jira-status-remove"
                aria-label={`Remove the mapping of ${row.jiraStatus || "this status"}`}
                onClick={() => {
                  onChange(list.filter((_, at) => at !== index));
                }}
              >
                <CloseIcon size={14} />
              </button>
            </div>
          ))}
          <button
            type="button"
            className="exchange-add"
            data-testid="jira-status-add"
            onClick={() => {
              onChange([...rows, BLANK_ROW]);
            }}
          >
            <PlusIcon size={14} />
            Map another status
          </button>
        </div>
      )}
    </section>
  );
}
