//! "Import from Jira CSV": where the file goes (a new map or the open one), the backend's
//! preview of what it would do, an optional status mapping, then the import in one step. Every
//! Jira rule is the backend's; a file it refuses shows here with its message.
import { useId, useMemo, useState } from "react";
import type { Backend } from "../../backend/backend";
import type { JiraImportView } from "../../bindings/JiraImportView";
import type { JiraTarget } from "../../bindings/JiraTarget";
import { errorMessage } from "../../model/errors";
import { storyCountLabel } from "../../model/labels";
import { Dialog } from "../Dialog";
import { useStatusNames } from "../statusNames";
import { FormError } from "../sync/FormError";
import { TableIcon } from "./ExchangeIcons";
import { baseName, fileStem } from "./fileNames";
import { JiraPreview } from "./JiraPreview";
import { JiraStatusMap } from "./JiraStatusMap";
import { JiraTargetChoice, type TargetKind } from "./JiraTargetChoice";
import { mappingsOf, unmappedStatuses, type StatusRow } from "./statusMapping";
import { useJiraPreview } from "./useJiraPreview";

export interface JiraImportDialogProps {
  backend: Backend;
  /** The CSV file chosen in the open dialog. */
  path: string;
  /** The open map, to update by issue key; `null` when none is open. */
  openMap: { id: string; name: string } | null;
  onImported: (answer: JiraImportView) => void;
  onClose: () => void;
}

export function JiraImportDialog({ backend, path, openMap, onImported, onClose }: JiraImportDialogProps) {
  const [kind, setKind] = useState<TargetKind>("newMap");
  const [name, setName] = useState(() => fileStem(path));
  const [rows, setRows] = useState<StatusRow[]>([]);
  const [importing, setImporting] = useState(false);
  const [importError, setImportError] = useState<string | null>(null);
  const names = useStatusNames();
  const formId = useId();

  const trimmed = name.trim();
  const target: JiraTarget =
    kind === "existingMap" && openMap ? { kind: "existingMap", mapId: openMap.id } : { kind: "newMap", name: trimmed || fileStem(path) };
  const statusMap = useMemo(() => mappingsOf(rows), [rows]);
  const state = useJiraPreview(backend, path, target, statusMap);
  const preview = state.kind === "ready" ? state.preview : state.kind === "loading" ? state.last : null;
  const suggested = preview ? unmappedStatuses(preview.warnings, rows) : [];
  const canImport = state.kind === "ready" && state.preview.storyCount > 0 && (kind === "existingMap" || trimmed !== "") && !importing;

  const submit = async () => {
    if (!canImport) return;
    setImporting(true);
    setImportError(null);
    try {
      onImported(await backend.importJiraCsvFile(path, target, statusMap));
    } catch (failure) {
      setImportError(errorMessage(failure));
      setImporting(false);
    }
  };

  const count = preview?.storyCount ?? 0;
  return (
    <Dialog
      title="Import from Jira CSV"
      testId="jira-dialog"
      wide
      onClose={onClose}
      footer={
        <>
          {state.kind === "loading" && (
            <span className="exchange-footer-status" role="status">
              <span className="spinner is-small" aria-hidden="true" /> Reading the file…
            </span>
          )}
          <button type="button" className="secondary-button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" form={formId} className="primary-button is-compact" data-testid="jira-import-submit" disabled={!canImport}>
            {importing ? "Importing…" : `Import ${storyCountLabel(count)}`}
          </button>
        </>
      }
    >
      <p className="exchange-file" title={path}>
        <TableIcon size={16} />
        <span className="exchange-file-name">{baseName(path)}</span>
      </p>
      <form
        id={formId}
        className="exchange-form"
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <JiraTargetChoice
          kind={kind}
          name={name}
          openMapName={openMap?.name ?? null}
          onKind={(next) => {
            setKind(next);
            setImportError(null);
          }}
          onName={setName}
        />
        {state.kind === "failed" && <FormError testId="jira-error" message={state.message} />}
        {state.kind !== "failed" && preview === null && (
          <p className="sync-loading" role="status">
            <span className="spinner is-small" aria-hidden="true" /> Reading {baseName(path)}…
          </p>
        )}
        {state.kind !== "failed" && preview !== null && (
          <>
            <JiraStatusMap rows={rows} suggested={suggested} names={names} onChange={setRows} />
            <JiraPreview preview={preview} stale={state.kind === "loading"} />
          </>
        )}
      </form>
      {importError !== null && <FormError testId="jira-error" message={importError} />}
    </Dialog>
  );
}
