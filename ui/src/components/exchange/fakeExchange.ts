//! The import/export half of the in-memory Backend for Vitest: Jira CSV files a test places
//! (their preview and the map they import as), and a record of every file written, with the
//! format and scope asked for. No Jira rules live here: the test writes the preview it wants.
/* eslint-disable @typescript-eslint/prefer-promise-reject-errors -- a test fake under ui/src/test's rules: it rejects with ApiError, as the real backend does */
import type { FileKind } from "../../backend/backend";
import type { ApiError } from "../../bindings/ApiError";
import type { ImageFormat } from "../../bindings/ImageFormat";
import type { ImageScope } from "../../bindings/ImageScope";
import type { JiraImportView } from "../../bindings/JiraImportView";
import type { JiraPreviewView } from "../../bindings/JiraPreviewView";
import type { JiraStatusMapping } from "../../bindings/JiraStatusMapping";
import type { JiraTarget } from "../../bindings/JiraTarget";
import type { MapView } from "../../bindings/MapView";
import { FakeHistory } from "../../test/fakeHistory";

/** A Jira CSV file the fake can read: what its preview says, and the stories it brings. */
export interface FakeJiraFile {
  preview: JiraPreviewView;
  map: MapView;
}

export interface JiraCall {
  path: string;
  target: JiraTarget;
  statusMap: JiraStatusMapping[];
}

export interface FileWritten {
  kind: Exclude<FileKind, "storymap">;
  mapId: string;
  path: string;
  format?: ImageFormat;
  scope?: ImageScope;
}

/** The status a "not mapped" warning names, as Rust words it ("Jira status 'In QA' is not mapped…"). */
function unmappedStatus(message: string): string | null {
  return /'([^']+)'/.exec(message)?.[1] ?? null;
}

export abstract class FakeExchange extends FakeHistory {
  /** Files `previewJiraCsvFile`/`importJiraCsvFile` read; an `ApiError` is a file refused whole. */
  readonly jiraFiles = new Map<string, FakeJiraFile | ApiError>();
  readonly jiraPreviews: JiraCall[] = [];
  readonly jiraImports: JiraCall[] = [];
  readonly written: FileWritten[] = [];
  /** Stakeholder updates saved, with the text as it was sent. */
  readonly updatesSaved: Array<{ path: string; text: string }> = [];
  /** The kind of file each save or open dialog was asked for. */
  readonly fileKindsAsked: FileKind[] = [];
  private exchangeFailures: ApiError[] = [];
  private jiraMapCount = 0;

  /** The maps this fake keeps (the concrete backend's store). */
  protected abstract readonly maps: Map<string, MapView>;

  /** The next Jira import or file export rejects with this error. */
  failNextExchange(error: ApiError): void {
    this.exchangeFailures.push(error);
  }

  override chooseSavePath(defaultName: string, kind: FileKind = "storymap"): Promise<string | null> {
    this.fileKindsAsked.push(kind);
    return super.chooseSavePath(defaultName);
  }

  override chooseOpenPath(kind: FileKind = "storymap"): Promise<string | null> {
    this.fileKindsAsked.push(kind);
    return super.chooseOpenPath();
  }

  previewJiraCsvFile(path: string, target: JiraTarget, statusMap: JiraStatusMapping[]): Promise<JiraPreviewView> {
    this.jiraPreviews.push(structuredClone({ path, target, statusMap }));
    const file = this.jiraFiles.get(path);
    if (!file) return Promise.reject(this.missing(path));
    if (!("preview" in file)) return Promise.reject(file);
    const mapped = new Set(statusMap.map((item) => item.jiraStatus.toLowerCase()));
    const preview = structuredClone(file.preview);
    preview.mapName = target.kind === "newMap" ? target.name : (this.maps.get(target.mapId)?.map.name ?? "");
    // As Rust does: a status the person mapped no longer warns.
    preview.warnings = preview.warnings.filter(
      (warning) => !mapped.has(unmappedStatus(warning.message)?.toLowerCase() ?? "\u0000"),
    );
    return Promise.resolve(preview);
  }

  importJiraCsvFile(path: string, target: JiraTarget, statusMap: JiraStatusMapping[]): Promise<JiraImportView> {
    this.jiraImports.push(structuredClone({ path, target, statusMap }));
    const failure = this.exchangeFailures.shift();
    if (failure) return Promise.reject(failure);
    const file = this.jiraFiles.get(path);
    if (!file) return Promise.reject(this.missing(path));
    if (!("preview" in file)) return Promise.reject(file);
    let map: MapView;
    if (target.kind === "newMap") {
      this.jiraMapCount += 1;
      map = { ...structuredClone(file.map), map: { id: `map-jira-${this.jiraMapCount.toString()}`, name: target.name } };
    } else {
      const existing = this.maps.get(target.mapId);
      if (!existing) return Promise.reject({ code: "notFound", message: `No map ${target.mapId}` } satisfies ApiError);
      map = { ...structuredClone(file.map), map: existing.map, settings: existing.settings };
    }
    this.maps.set(map.map.id, map);
    const { preview } = file;
    return Promise.resolve({
      map: { id: map.map.id, name: map.map.name, storyCount: map.stories.length, updatedAt: "2025-01-01T10:00:00Z" },
      creates: preview.creates,
      updates: preview.updates,
      unchanged: preview.unchanged,
      skippedRows: preview.skippedRows,
      warnings: preview.warnings,
      label: `Import ${preview.storyCount.toString()} stories from Jira`,
    });
  }

  exportJiraCsvFile(mapId: string, path: string): Promise<void> {
    return this.write({ kind: "jiraCsv", mapId, path });
  }

  exportMarkdownFile(mapId: string, path: string): Promise<void> {
    return this.write({ kind: "markdown", mapId, path });
  }

  saveStakeholderUpdate(path: string, text: string): Promise<void> {
    const failure = this.exchangeFailures.shift();
    if (failure) return Promise.reject(failure);
    this.updatesSaved.push({ path, text });
    return Promise.resolve();
  }

  exportImage(mapId: string, format: ImageFormat, scope: ImageScope, path: string): Promise<void> {
    return this.write({ kind: format.kind, mapId, path, format: structuredClone(format), scope: structuredClone(scope) });
  }

  exportHtml(mapId: string, scope: ImageScope, path: string): Promise<void> {
    return this.write({ kind: "html", mapId, path, scope: structuredClone(scope) });
  }

  private write(file: FileWritten): Promise<void> {
    const failure = this.exchangeFailures.shift();
    if (failure) return Promise.reject(failure);
    this.written.push(file);
    return Promise.resolve();
  }

  private missing(path: string): ApiError {
    return { code: "notFound", message: `${path} does not exist` };
  }
}
