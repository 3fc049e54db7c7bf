//! The one table of keyboard shortcuts: the key handler matches against it and the `?` dialog
//! lists it (docs/shortcuts.md repeats it for readers outside the app).

export type ShortcutId =
  | "focus"
  | "moveVertical"
  | "moveHorizontal"
  | "rename"
  | "openStory"
  | "addStory"
  | "duplicate"
  | "delete"
  | "addActivity"
  | "addStep"
  | "addRelease"
  | "undo"
  | "redo"
  | "zoomIn"
  | "zoomOut"
  | "zoomFit"
  | "search"
  | "toggleBacklog"
  | "toggleDependencies"
  | "toggleWsjfHeat"
  | "sortByWsjf"
  | "changes"
  | "newMap"
  | "present"
  | "help";

/** One key combination. `ctrl` also accepts ⌘ on macOS; `shift` unset means "either". */
export interface KeyCombo {
  key: string;
  ctrl?: boolean;
  alt?: boolean;
  shift?: boolean;
}

export interface Shortcut {
  id: ShortcutId;
  combos: readonly KeyCombo[];
  /** How the dialog and docs write the keys. */
  keys: string;
  description: string;
  group: "Map" | "Edit" | "View";
}

const ARROWS = ["ArrowUp", "ArrowDown", "ArrowLeft", "ArrowRight"];

export const SHORTCUTS: readonly Shortcut[] = [
  {
    id: "focus",
    combos: ARROWS.map((key) => ({ key, shift: false })),
    keys: "↑ ↓ ← →",
    description: "Move focus between cards and cells",
    group: "Map",
  },
  {
    id: "moveVertical",
    combos: [
      { key: "ArrowUp", alt: true },
      { key: "ArrowDown", alt: true },
    ],
    keys: "Alt+↑ / Alt+↓",
    description: "Move the card up or down (into the slice above or below at the edge); move a slice",
    group: "Map",
  },
  {
    id: "moveHorizontal",
    combos: [
      { key: "ArrowLeft", alt: true },
      { key: "ArrowRight", alt: true },
    ],
    keys: "Alt+← / Alt+→",
    description: "Move the card to the neighbouring step; move a step or an activity",
    group: "Map",
  },
  {
    id: "rename",
    combos: [{ key: "F2" }, { key: "Enter", shift: false }],
    keys: "Enter / F2",
    description: "Rename the focused card or title (Enter on an empty cell adds a story)",
    group: "Edit",
  },
  {
    id: "openStory",
    combos: [{ key: "o", shift: false }, { key: " " }],
    keys: "O / Space",
    description: "Open the focused story's details (Esc closes them)",
    group: "Edit",
  },
  { id: "addStory", combos: [{ key: "n", shift: false }], keys: "N", description: "Add a story in the focused cell", group: "Edit" },
  {
    id: "addActivity",
    combos: [{ key: "a", shift: false }],
    keys: "A",
    description: "Add an activity at the end of the backbone",
    group: "Edit",
  },
  {
    id: "addStep",
    combos: [{ key: "s", shift: false }],
    keys: "S",
    description: "Add steps to the focused activity (the last one if none is focused)",
    group: "Edit",
  },
  { id: "addRelease", combos: [{ key: "r", shift: false }], keys: "R", description: "Add a release slice", group: "Edit" },
  { id: "duplicate", combos: [{ key: "d", ctrl: true, shift: false }], keys: "Ctrl+D", description: "Duplicate the focused card", group: "Edit" },
  {
    id: "delete",
    combos: [{ key: "Delete" }, { key: "Backspace" }],
    keys: "Delete",
    description: "Delete the focused card, step, activity or slice",
    group: "Edit",
  },
  { id: "undo", combos: [{ key: "z", ctrl: true, shift: false }], keys: "Ctrl+Z", description: "Undo", group: "Edit" },
  {
    id: "redo",
    combos: [
      { key: "z", ctrl: true, shift: true },
      { key: "y", ctrl: true, shift: false },
    ],
    keys: "Ctrl+Shift+Z / Ctrl+Y",
    description: "Redo",
    group: "Edit",
  },
  {
    id: "zoomIn",
    combos: [
      { key: "=", ctrl: true },
      { key: "+", ctrl: true },
    ],
    keys: "Ctrl+=",
    description: "Zoom in",
    group: "View",
  },
  { id: "zoomOut", combos: [{ key: "-", ctrl: true }], keys: "Ctrl+-", description: "Zoom out", group: "View" },
  { id: "zoomFit", combos: [{ key: "0", ctrl: true }], keys: "Ctrl+0", description: "Fit the map to the window", group: "View" },
  {
    id: "search",
    combos: [{ key: "f", ctrl: true, shift: false }, { key: "/" }],
    keys: "Ctrl+F / /",
    description: "Search cards (Esc clears)",
    group: "View",
  },
  {
    id: "toggleBacklog",
    combos: [{ key: "b", shift: false }],
    keys: "B",
    description: "Switch between the map and the backlog",
    group: "View",
  },
  {
    id: "toggleDependencies",
    combos: [{ key: "d", shift: false }],
    keys: "D",
    description: "Show or hide the dependency lines on the map",
    group: "View",
  },
  {
    id: "toggleWsjfHeat",
    combos: [{ key: "w", shift: false }],
    keys: "W",
    description: "Show or hide the WSJF heat overlay on the map",
    group: "View",
  },
  {
    id: "sortByWsjf",
    combos: [{ key: "w", shift: true }],
    keys: "Shift+W",
    description: "Sort the focused slice's cells by WSJF, highest first (undoable)",
    group: "Edit",
  },
  {
    id: "changes",
    combos: [{ key: "h", shift: false }],
    keys: "H",
    description: "Show what changed since your last sync, and who changed it",
    group: "View",
  },
  {
    id: "newMap",
    combos: [{ key: "n", ctrl: true, shift: false }],
    keys: "Ctrl+N",
    description: "New map",
    group: "View",
  },
  {
    id: "present",
    combos: [{ key: "F5" }],
    keys: "F5",
    description: "Present on the wall: full screen, large type (Esc leaves)",
    group: "View",
  },
  { id: "help", combos: [{ key: "?" }], keys: "?", description: "Show these shortcuts", group: "View" },
];

export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
}

function matches(combo: KeyCombo, press: KeyPress): boolean {
  const key = press.key.length === 1 ? press.key.toLowerCase() : press.key;
  return (
    key === combo.key &&
    (press.ctrlKey || press.metaKey) === (combo.ctrl ?? false) &&
    press.altKey === (combo.alt ?? false) &&
    (combo.shift === undefined || press.shiftKey === combo.shift)
  );
}

/** The shortcut a key press stands for, if any. */
export function matchShortcut(press: KeyPress): Shortcut | null {
  return SHORTCUTS.find((shortcut) => shortcut.combos.some((combo) => matches(combo, press))) ?? null;
}

/** Whether a key press comes from somewhere people type, where shortcuts must not fire. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName);
}
