//! "Export": the open map as a Jira CSV, a Markdown outline, a PNG/SVG picture, a PDF (whole
//! map or one slice, A4 or Letter), the stakeholder page (HTML, whole map or one slice), or a
//! `.storymap` file. The system's save dialog asks where,
//! proposing a name from the map; the backend writes the file. Its refusals show inline.
import { useId, useState } from "react";
import type { Backend } from "../../backend/backend";
import type { ImageScope } from "../../bindings/ImageScope";
import type { MapView } from "../../bindings/MapView";
import type { PaperSize } from "../../bindings/PaperSize";
import { errorMessage } from "../../model/errors";
import { Dialog } from "../Dialog";
import { FormError } from "../sync/FormError";
import { ArchiveIcon, OutlineIcon, PageIcon, PictureIcon, TableIcon, WebPageIcon } from "./ExchangeIcons";
import { EXPORT_FORMATS, type ExportFormat, type ExportFormatId } from "./exportFormats";
import { baseName, exportFileName } from "./fileNames";

const ICONS: Record<ExportFormatId, React.ComponentType<{ size?: number }>> = {
  jira: TableIcon,
  markdown: OutlineIcon,
  png: PictureIcon,
  svg: PictureIcon,
  pdf: PageIcon,
  html: WebPageIcon,
  storymap: ArchiveIcon,
};

/** Letter where it is the usual paper (North America), A4 elsewhere. */
function defaultPaper(): PaperSize {
  return /-(US|CA|MX)$/i.test(navigator.language) ? "letter" : "a4";
}

export interface ExportDialogProps {
  backend: Backend;
  view: MapView;
  /** The file was written: its name, for the confirmation. */
  onExported: (fileName: string) => void;
  onClose: () => void;
}

export function ExportDialog({ backend, view, onExported, onClose }: ExportDialogProps) {
  const [formatId, setFormatId] = useState<ExportFormatId>("pdf");
  const [sliceId, setSliceId] = useState<string>("");
  const [paper, setPaper] = useState<PaperSize>(defaultPaper);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const formId = useId();
  const format = EXPORT_FORMATS.find((item) => item.id === formatId) ?? EXPORT_FORMATS[0];
  const slice = view.releases.find((item) => item.id === sliceId) ?? null;

  const write = async (chosen: ExportFormat, path: string) => {
    const mapId = view.map.id;
    const scope: ImageScope = slice ? { kind: "slice", releaseId: slice.id } : { kind: "wholeMap" };
    switch (chosen.id) {
      case "jira":
        return backend.exportJiraCsvFile(mapId, path);
      case "markdown":
        return backend.exportMarkdownFile(mapId, path);
      case "png":
      case "svg":
        return backend.exportImage(mapId, { kind: chosen.id }, scope, path);
      case "pdf":
        return backend.exportImage(mapId, { kind: "pdf", paper }, scope, path);
      case "html":
        return backend.exportHtml(mapId, scope, path);
      case "storymap":
        return backend.exportMapFile(mapId, path);
    }
  };

  const submit = async () => {
    if (busy || !format) return;
    setBusy(true);
    setError(null);
    try {
      const part = format.image && slice ? slice.title : null;
      const path = await backend.chooseSavePath(exportFileName(view.map.name, format.extension, part), format.fileKind);
      if (path !== null) {
        await write(format, path);
        onExported(baseName(path));
        return;
      }
    } catch (failure) {
      setError(errorMessage(failure));
    }
    setBusy(false);
  };

  return (
    <Dialog
      title="Export"
      testId="export-dialog"
      wide
      onClose={onClose}
      footer={
        <>
          <button type="button" className="secondary-button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" form={formId} className="primary-button is-compact" data-testid="export-submit" disabled={busy}>
            {busy ? "Exporting…" : "Export…"}
          </button>
        </>
      }
    >
      <p className="dialog-note">
        Save <strong>{view.map.name}</strong> as a file. You choose where next.
      </p>
      <form
        id={formId}
        className="exchange-form"
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <div className="export-formats" role="radiogroup" aria-label="Format">
          {EXPORT_FORMATS.map((item) => {
            const Icon = ICONS[item.id];
            const chosen = item.id === formatId;
            return (
              <label key={item.id} className={chosen ? "choice-card is-chosen" : "choice-card"} data-testid={`export-${item.id}`}>
                <input
                  type="radio"
                  name={`${formId}-format`}
                  className="choice-radio"
                  value={item.id}
                  checked={chosen}
                  data-autofocus={chosen ? "" : undefined}
                  onChange={() => {
                    setFormatId(item.id);
                    setError(null);
                  }}
                />
                <span className="choice-icon" aria-hidden="true">
                  <Icon size={18} />
                </span>
                <span className="choice-text">
                  <span className="choice-title">
                    {item.label} <span className="choice-ext">.{item.extension}</span>
                  </span>
                  <span className="choice-hint">{item.hint}</span>
                </span>
              </label>
            );
          })}
        </div>
        {format?.image && (
          <div className="export-options">
            <label className="field">
              <span className="field-label">{format.id === "html" ? "What to show" : "What to draw"}</span>
              <select
                className="field-select"
                data-testid="export-scope"
                value={sliceId}
                onChange={(event) => {
                  setSliceId(event.target.value);
                }}
              >
                <option value="">The whole map</option>
                {view.releases.map((item) => (
                  <option key={item.id} value={item.id}>
                    Slice: {item.title}
                  </option>
                ))}
              </select>
            </label>
            {format.id === "pdf" && (
              <label className="field">
                <span className="field-label">Paper</span>
                <select
                  className="field-select"
                  data-testid="export-paper"
                  value={paper}
                  onChange={(event) => {
                    setPaper(event.target.value === "letter" ? "letter" : "a4");
                  }}
                >
                  <option value="a4">A4, landscape</option>
                  <option value="letter">US Letter, landscape</option>
                </select>
              </label>
            )}
          </div>
        )}
      </form>
      {error !== null && <FormError testId="export-error" message={error} />}
    </Dialog>
  );
}
