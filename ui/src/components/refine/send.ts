//! How the refinement screens send edits: through the store's queue, answering what changed.
import type { MapChange } from "../../bindings/MapChange";
import type { MapEdit } from "../../bindings/MapEdit";

/** Resolves to the change, or `null` when the backend refused (the store shows why). */
export type SendEdit = (edit: MapEdit) => Promise<MapChange | null>;
