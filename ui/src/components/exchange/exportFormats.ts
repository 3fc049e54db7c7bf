//! The formats the Export dialog offers, in the order shown, with the file each one writes.
import type { FileKind } from "../../backend/backend";

export type ExportFormatId = "jira" | "markdown" | "png" | "svg" | "pdf" | "html" | "storymap";

export interface ExportFormat {
  id: ExportFormatId;
  label: string;
  hint: string;
  extension: string;
  fileKind: FileKind;
  /** Drawn like the map: the whole map or one slice. */
  image: boolean;
}

export const EXPORT_FORMATS: readonly ExportFormat[] = [
  { id: "jira", label: "Jira CSV", hint: "For Jira’s External System Import: epics, stories and issue keys.", extension: "csv", fileKind: "jiraCsv", image: false },
  { id: "markdown", label: "Markdown outline", hint: "Activities, steps, slices and stories as a readable outline.", extension: "md", fileKind: "markdown", image: false },
  { id: "png", label: "PNG image", hint: "A crisp picture for slides, wikis and chat.", extension: "png", fileKind: "png", image: true },
  { id: "svg", label: "SVG image", hint: "Sharp at any size, for documents and the web.", extension: "svg", fileKind: "svg", image: true },
  { id: "pdf", label: "PDF", hint: "Landscape pages to print and hand out.", extension: "pdf", fileKind: "pdf", image: true },
  { id: "html", label: "Stakeholder page (HTML)", hint: "One read-only web page to mail: the map, readiness and the last session’s update.", extension: "html", fileKind: "html", image: true },
  { id: "storymap", label: "Storymap file", hint: "The map with its whole history, for a teammate’s Storymap.", extension: "storymap", fileKind: "storymap", image: false },
];
