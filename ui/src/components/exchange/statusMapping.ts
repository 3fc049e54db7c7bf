//! The status-mapping editor's rows: what the person typed or picked, the statuses the preview
//! could not map (offered as rows to fill in), and the mappings sent to the backend.
import type { JiraStatusMapping } from "../../bindings/JiraStatusMapping";
import type { JiraWarningView } from "../../bindings/JiraWarningView";
import type { StoryStatus } from "../../bindings/StoryStatus";

export interface StatusRow {
  jiraStatus: string;
  /** `""` until a status is picked: the row is not sent. */
  status: StoryStatus | "";
}

export const BLANK_ROW: StatusRow = { jiraStatus: "", status: "" };

/**
 * Jira statuses the preview warned about in the Status column, named in quotes by the backend
 * ("Jira status 'In QA' is not mapped…"), without those the rows already name.
 */
export function unmappedStatuses(warnings: readonly JiraWarningView[], rows: readonly StatusRow[]): string[] {
  const named = new Set(rows.map((row) => row.jiraStatus.trim().toLowerCase()));
  const found: string[] = [];
  for (const warning of warnings) {
    if (warning.column?.trim().toLowerCase() !== "status") continue;
    const status = /'([^']+)'/.exec(warning.message)?.[1]?.trim();
    if (status && !named.has(status.toLowerCase())) {
      named.add(status.toLowerCase());
      found.push(status);
    }
  }
  return found;
}

/** The rows filled in completely, as the backend takes them. */
export function mappingsOf(rows: readonly StatusRow[]): JiraStatusMapping[] {
  const mappings: JiraStatusMapping[] = [];
  for (const row of rows) {
    const jiraStatus = row.jiraStatus.trim();
    if (jiraStatus !== "" && row.status !== "") mappings.push({ jiraStatus, status: row.status });
  }
  return mappings;
}
