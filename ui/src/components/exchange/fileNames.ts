//! File names the save dialogs propose and the toasts show.

/** The last part of a path, on any system. */
export function baseName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}

/** A file's name without its extension: "jira-export.csv" → "jira-export". */
export function fileStem(path: string): string {
  const name = baseName(path);
  const dot = name.lastIndexOf(".");
  return dot > 0 ? name.slice(0, dot) : name;
}

function safe(text: string): string {
  return text.replace(/[\\/:*?"<>|]+/g, "-").replace(/^[\s-]+|[\s-]+$/g, "");
}

/** "Online shop.pdf", or "Online shop - MVP.png" for one slice; without characters file systems refuse. */
export function exportFileName(mapName: string, extension: string, part: string | null = null): string {
  const stem = safe(mapName) || "Story map";
  const suffix = part === null ? "" : safe(part);
  return `${suffix === "" ? stem : `${stem} - ${suffix}`}.${extension}`;
}
