import type { ApiError } from "../bindings/ApiError";
import type { ErrorCode } from "../bindings/ErrorCode";

/** An error as the UI shows it. */
export interface DisplayError {
  code: ErrorCode;
  title: string;
  /** The backend's message for people, when it sent one. */
  detail: string | null;
  /** What the user can do about it. */
  hint: string;
}

const ERROR_CODES: readonly ErrorCode[] = [
  "notFound",
  "invalidInput",
  "corruptData",
  "databaseDamaged",
  "foreignDocument",
  "storageFull",
  "storage",
  "network",
  "cancelled",
  "internal",
];

const COPY: Record<ErrorCode, { title: string; hint: string }> = {
  notFound: {
    title: "That item no longer exists",
    hint: "It may have been removed. Reopen the map to see its current state.",
  },
  invalidInput: {
    title: "That change wasn't accepted",
    hint: "Check what you typed and try again.",
  },
  corruptData: {
    title: "This map's data is damaged",
    hint: "Your other maps are not affected: open another one from Maps.",
  },
  databaseDamaged: {
    title: "Storymap's database is damaged",
    hint: "Storymap can rebuild it from your maps' data and backups, keeping the damaged file.",
  },
  foreignDocument: {
    title: "This isn't a Storymap map",
    hint: "The document comes from another app or an unknown version.",
  },
  storageFull: {
    title: "This device is out of space",
    hint: "Your last change was not saved. Free up some disk space and try again.",
  },
  storage: {
    title: "Couldn't save on this device",
    hint: "Your last change was not saved. Try again in a moment.",
  },
  network: {
    title: "Couldn't reach the sync server",
    hint: "Your edits are kept on this computer and sync when the server is back.",
  },
  cancelled: {
    title: "Stopped",
    hint: "Nothing of it was kept. You can start again at any time.",
  },
  internal: {
    title: "Something went wrong",
    hint: "Try again. If it keeps happening, restart Storymap.",
  },
};

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === "string" && (ERROR_CODES as readonly string[]).includes(value);
}

export function isApiError(value: unknown): value is ApiError {
  if (typeof value !== "object" || value === null) return false;
  const { code, message } = value as Record<string, unknown>;
  return isErrorCode(code) && typeof message === "string";
}

/**
 * Turns whatever a backend call rejected with into what the UI shows. The wording depends only
 * on the error `code`; anything that is not an `ApiError` counts as `internal`.
 */
export function toDisplayError(error: unknown): DisplayError {
  let code: ErrorCode = "internal";
  let message = "";
  if (isApiError(error)) {
    code = error.code;
    message = error.message;
  } else if (typeof error === "string") {
    message = error;
  } else if (error instanceof Error) {
    message = error.message;
  }
  const copy = COPY[code];
  const detail = message.trim();
  return { code, title: copy.title, detail: detail === "" ? null : detail, hint: copy.hint };
}

/** The backend's own words for a rejection, for a form to show under its fields (the title when it sent none). */
export function errorMessage(error: unknown): string {
  const shown = toDisplayError(error);
  return shown.detail ?? shown.title;
}
